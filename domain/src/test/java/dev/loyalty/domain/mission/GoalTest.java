package dev.loyalty.domain.mission;

import static dev.loyalty.domain.activity.ActivityFixtures.APP_INSTALLED;
import static dev.loyalty.domain.activity.ActivityFixtures.aPurchase;
import static dev.loyalty.domain.activity.ActivityFixtures.anActivity;
import static dev.loyalty.domain.mission.MissionFixtures.categoryPurchases;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static dev.loyalty.domain.mission.MissionFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GoalTest {

    private static final EventType PROFILE_COMPLETED = new EventType("PROFILE_COMPLETED");

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }

    private static Goal goal(GoalType type, EventType eventType, long target, Integer withinDays, String category) {
        return new Goal(
                type,
                Optional.ofNullable(eventType),
                target,
                Optional.ofNullable(withinDays),
                Optional.ofNullable(category));
    }

    @Nested
    class Validation {

        @Test
        void theTargetIsOneToAHundredMillion() {
            assertThat(purchases(1, null).target()).isEqualTo(1);
            assertThat(spend(100_000_000).target()).isEqualTo(100_000_000);
            assertInvalid(() -> purchases(0, null), "goal.target");
            assertInvalid(() -> purchases(-1, null), "goal.target");
            assertInvalid(() -> spend(100_000_001), "goal.target");
        }

        @Test
        void theWindowIsOneToThreeThousandSixHundredSixtyDays() {
            assertThat(purchases(3, 1).withinDays()).contains(1);
            assertThat(purchases(3, 3660).withinDays()).contains(3660);
            assertInvalid(() -> purchases(3, 0), "goal.withinDays");
            assertInvalid(() -> purchases(3, -5), "goal.withinDays");
            assertInvalid(() -> purchases(3, 3661), "goal.withinDays");
        }

        @Test
        void anEventCountNamesItsEventTypeAndNoCategory() {
            assertThat(events(PROFILE_COMPLETED, 1).eventType()).contains(PROFILE_COMPLETED);
            assertInvalid(() -> goal(GoalType.EVENT_COUNT, null, 1, null, null), "goal.eventType");
            assertInvalid(() -> goal(GoalType.EVENT_COUNT, PROFILE_COMPLETED, 1, null, "wine"), "goal.category");
        }

        @Test
        void onlyAnEventCountNamesAnEventType() {
            for (GoalType type : new GoalType[] {GoalType.PURCHASE_COUNT, GoalType.SPEND}) {
                assertInvalid(() -> goal(type, APP_INSTALLED, 1, null, null), "goal.eventType");
            }
            assertInvalid(() -> goal(GoalType.CATEGORY_PURCHASE, APP_INSTALLED, 1, null, "wine"), "goal.eventType");
        }

        @Test
        void aCategoryPurchaseNamesANonBlankCategory() {
            assertThat(categoryPurchases("wine", 2).category()).contains("wine");
            assertInvalid(() -> goal(GoalType.CATEGORY_PURCHASE, null, 1, null, null), "goal.category");
            assertInvalid(() -> goal(GoalType.CATEGORY_PURCHASE, null, 1, null, ""), "goal.category");
            assertInvalid(() -> goal(GoalType.CATEGORY_PURCHASE, null, 1, null, "  "), "goal.category");
        }

        @Test
        void onlyACategoryPurchaseNamesACategory() {
            assertInvalid(() -> goal(GoalType.PURCHASE_COUNT, null, 1, null, "wine"), "goal.category");
            assertInvalid(() -> goal(GoalType.SPEND, null, 1, null, "wine"), "goal.category");
        }

        @Test
        void requiresEveryComponent() {
            Optional<EventType> none = Optional.empty();
            Optional<Integer> noDays = Optional.empty();
            Optional<String> noCategory = Optional.empty();
            assertThatThrownBy(() -> new Goal(null, none, 1, noDays, noCategory))
                    .hasMessage("goal.type");
            assertThatThrownBy(() -> new Goal(GoalType.SPEND, null, 1, noDays, noCategory))
                    .hasMessage("goal.eventType");
            assertThatThrownBy(() -> new Goal(GoalType.SPEND, none, 1, null, noCategory))
                    .hasMessage("goal.withinDays");
            assertThatThrownBy(() -> new Goal(GoalType.SPEND, none, 1, noDays, null))
                    .hasMessage("goal.category");
        }
    }

    @Nested
    class Contribution {

        @Test
        void anEventCountCountsOneForEachEventOfItsType() {
            Goal profile = events(PROFILE_COMPLETED, 1);
            assertThat(profile.contribution(
                            anActivity().ofType(PROFILE_COMPLETED).build()))
                    .isEqualTo(1);
            assertThat(profile.contribution(anActivity().build())).isZero();
            assertThat(profile.contribution(aPurchase().withNet(5000).build())).isZero();
        }

        @Test
        void anEventCountMayCountPurchases() {
            assertThat(events(EventType.PURCHASE_RECORDED, 3)
                            .contribution(aPurchase().build()))
                    .isEqualTo(1);
        }

        @Test
        void aPurchaseCountCountsOneForEachPurchaseWhateverItsAmount() {
            Goal three = purchases(3, 30);
            assertThat(three.contribution(aPurchase().withNet(12_000).build())).isEqualTo(1);
            assertThat(three.contribution(aPurchase().build())).isEqualTo(1);
            assertThat(three.contribution(anActivity().withNet(12_000).build())).isZero();
        }

        @Test
        void spendCountsAPurchasesNetInCents() {
            Goal hundredEuros = spend(10_000);
            assertThat(hundredEuros.contribution(aPurchase().withNet(4250).build()))
                    .isEqualTo(4250);
            assertThat(hundredEuros.contribution(
                            aPurchase().with(Activity.NET, "1999").build()))
                    .isEqualTo(1999);
        }

        @Test
        void spendIgnoresOtherAttributesAndOtherEvents() {
            Goal hundredEuros = spend(10_000);
            assertThat(hundredEuros.contribution(
                            aPurchase().with("gross", 5000).with("amount", 5000).build()))
                    .isZero();
            assertThat(hundredEuros.contribution(anActivity().withNet(5000).build()))
                    .isZero();
        }

        @Test
        void aNegativeNetContributesNothing() {
            assertThat(spend(10_000).contribution(aPurchase().withNet(-300).build()))
                    .isZero();
        }

        @Test
        void aCategoryPurchaseCountsOneForAPurchaseWithTheCategory() {
            Goal wine = categoryPurchases("wine", 2);
            assertThat(wine.contribution(
                            aPurchase().withCategories("cheese", "wine").build()))
                    .isEqualTo(1);
            assertThat(wine.contribution(
                            aPurchase().withCategories("wine", "wine").build()))
                    .isEqualTo(1);
            assertThat(wine.contribution(aPurchase().withCategories("cheese").build()))
                    .isZero();
            assertThat(wine.contribution(aPurchase().build())).isZero();
            assertThat(wine.contribution(anActivity().withCategories("wine").build()))
                    .isZero();
        }
    }
}
