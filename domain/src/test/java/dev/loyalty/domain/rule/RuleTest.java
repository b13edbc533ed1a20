package dev.loyalty.domain.rule;

import static dev.loyalty.domain.activity.ActivityFixtures.APP_INSTALLED;
import static dev.loyalty.domain.activity.ActivityFixtures.aPurchase;
import static dev.loyalty.domain.activity.ActivityFixtures.anActivity;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_PUSH;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.rule.RuleFixtures.HUNDRED_POINTS;
import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static dev.loyalty.domain.rule.RuleFixtures.conditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static final EventType NEWSLETTER_SUBSCRIBED = new EventType("NEWSLETTER_SUBSCRIBED");
    private static final CustomerFacts MARCO = new CustomerFacts(aCustomer().build(), false);

    @Nested
    class Judging {

        @Test
        void firesWhenActiveOnItsTypeWithNoConditions() {
            Decision decision =
                    aRule().build().judge(anActivity().withEventId("ev-42").build(), MARCO);

            assertThat(decision.fires()).isTrue();
            assertThat(decision.reasons()).containsExactly("every condition held for APP_INSTALLED ev-42");
        }

        @Test
        void ignoresTheAppsEventsUnlessItAcceptsThem() {
            Activity fromTheApp =
                    anActivity().withEventId("ev-43").from(EventSource.APP).build();
            Rule trusting = aRule().build();
            Rule acceptingTheApp = new Rule(
                    trusting.id(),
                    trusting.name(),
                    trusting.on(),
                    trusting.conditions(),
                    trusting.actions(),
                    trusting.status(),
                    1,
                    Set.of(EventSource.APP));

            Decision decision = trusting.judge(fromTheApp, MARCO);

            assertThat(trusting.sources()).containsExactlyInAnyOrder(EventSource.INTEGRATION, EventSource.SERVICE);
            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons())
                    .containsExactly("the rule accepts events from [INTEGRATION, SERVICE], not from APP");
            assertThat(acceptingTheApp.judge(fromTheApp, MARCO).fires()).isTrue();
            assertThat(acceptingTheApp.judge(anActivity().build(), MARCO).fires())
                    .isFalse();
            assertThat(acceptingTheApp.withStatus(RuleStatus.PAUSED).sources()).containsExactly(EventSource.APP);
        }

        @Test
        void firesWhenEveryConditionHolds() {
            Rule rule = aRule().on(EventType.PURCHASE_RECORDED)
                    .when(conditions()
                            .attribute("payment", "card")
                            .storeIds("S1")
                            .channels("STORE")
                            .categories("wine")
                            .minAmount(5000)
                            .consents(MARKETING_PUSH)
                            .enrolmentChannels(EnrolmentChannel.STORE)
                            .activeFrom(Instant.parse("2025-05-01T00:00:00Z"))
                            .activeUntil(Instant.parse("2025-06-01T00:00:00Z"))
                            .oncePerCustomer())
                    .build();
            Activity purchase = aPurchase()
                    .withEventId("p-7")
                    .with("payment", "CARD")
                    .inStore("S1")
                    .inChannel("store")
                    .withCategories("food", "wine")
                    .withNet(7500)
                    .build();
            CustomerFacts elena = new CustomerFacts(
                    aCustomer()
                            .withFirstName("Elena")
                            .withConsent(MARKETING_PUSH)
                            .enrolledAt(EnrolmentChannel.STORE, "S1")
                            .build(),
                    false);

            Decision decision = rule.judge(purchase, elena);

            assertThat(decision.fires()).isTrue();
            assertThat(decision.reasons()).containsExactly("every condition held for PURCHASE_RECORDED p-7");
        }

        @Test
        void aPausedRuleDoesNotFire() {
            Decision decision = aRule().withStatus(RuleStatus.PAUSED)
                    .build()
                    .judge(anActivity().build(), MARCO);

            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons()).containsExactly("the rule is PAUSED");
        }

        @Test
        void anArchivedRuleDoesNotFire() {
            Decision decision = aRule().withStatus(RuleStatus.ARCHIVED)
                    .build()
                    .judge(anActivity().build(), MARCO);

            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons()).containsExactly("the rule is ARCHIVED");
        }

        @Test
        void anEventOfAnotherTypeDoesNotFireIt() {
            Decision decision =
                    aRule().on(NEWSLETTER_SUBSCRIBED).build().judge(anActivity().build(), MARCO);

            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons())
                    .containsExactly("the rule reacts to NEWSLETTER_SUBSCRIBED, not APP_INSTALLED");
        }

        @Test
        void anUnmetConditionDoesNotFireIt() {
            Decision decision = aRule().when(conditions().oncePerCustomer())
                    .build()
                    .judge(anActivity().build(), new CustomerFacts(aCustomer().build(), true));

            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons())
                    .containsExactly("the rule fires once per customer and has already fired for this one");
        }

        @Test
        void reasonsAccumulateStatusThenTypeThenConditions() {
            Rule rule = aRule().withStatus(RuleStatus.PAUSED)
                    .on(NEWSLETTER_SUBSCRIBED)
                    .when(conditions().storeIds("S1").minAmount(100))
                    .build();

            Decision decision = rule.judge(anActivity().inStore("S2").build(), MARCO);

            assertThat(decision.fires()).isFalse();
            assertThat(decision.reasons())
                    .containsExactly(
                            "the rule is PAUSED",
                            "the rule reacts to NEWSLETTER_SUBSCRIBED, not APP_INSTALLED",
                            "store S2 is not among [S1]",
                            "amount 0 is below the minimum 100 (cents)");
        }
    }

    @Nested
    class Versions {

        @Test
        void aReplacementKeepsTheIdentityAndAdvancesTheVersion() {
            Rule original = aRule().atVersion(3).build();
            RuleConditions onlyS1 = conditions().storeIds("S1").build();
            RuleAction coupon = new RuleAction.IssueCoupon(CouponTemplateId.newId());
            Rule replacement = aRule().withId(RuleId.newId())
                    .named("Welcome app, stores")
                    .on(NEWSLETTER_SUBSCRIBED)
                    .when(onlyS1)
                    .doing(coupon, HUNDRED_POINTS)
                    .withStatus(RuleStatus.PAUSED)
                    .atVersion(17)
                    .build();

            Rule replaced = original.replacedBy(replacement);

            assertThat(replaced.id()).isEqualTo(original.id());
            assertThat(replaced.version()).isEqualTo(4);
            assertThat(replaced.name()).isEqualTo("Welcome app, stores");
            assertThat(replaced.on()).isEqualTo(NEWSLETTER_SUBSCRIBED);
            assertThat(replaced.conditions()).isEqualTo(onlyS1);
            assertThat(replaced.actions()).containsExactly(coupon, HUNDRED_POINTS);
            assertThat(replaced.status()).isEqualTo(RuleStatus.PAUSED);
            assertThat(original.version()).isEqualTo(3);
            assertThat(original.name()).isEqualTo("Welcome app");
        }

        @Test
        void aStatusChangeAdvancesTheVersionAndKeepsTheRest() {
            Rule active = aRule().when(conditions().storeIds("S1")).atVersion(2).build();

            Rule paused = active.withStatus(RuleStatus.PAUSED);

            assertThat(paused.status()).isEqualTo(RuleStatus.PAUSED);
            assertThat(paused.version()).isEqualTo(3);
            assertThat(paused)
                    .usingRecursiveComparison()
                    .ignoringFields("status", "version")
                    .isEqualTo(active);
            assertThat(paused.withStatus(RuleStatus.ACTIVE).version()).isEqualTo(4);
            assertThat(paused.withStatus(RuleStatus.ACTIVE).status()).isEqualTo(RuleStatus.ACTIVE);
        }

        @Test
        void anyRuleMayBeArchived() {
            assertThat(aRule().build().withStatus(RuleStatus.ARCHIVED).status()).isEqualTo(RuleStatus.ARCHIVED);
            assertThat(aRule().withStatus(RuleStatus.PAUSED)
                            .build()
                            .withStatus(RuleStatus.ARCHIVED)
                            .status())
                    .isEqualTo(RuleStatus.ARCHIVED);
        }

        @Test
        void anArchivedRuleStaysArchived() {
            Rule archived = aRule().withStatus(RuleStatus.ARCHIVED).atVersion(5).build();

            assertThatThrownBy(() -> archived.withStatus(RuleStatus.ACTIVE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("status"))
                    .hasMessage("an archived rule stays archived");
            assertThatThrownBy(() -> archived.withStatus(RuleStatus.PAUSED)).isInstanceOf(InvalidValueException.class);
            assertThat(archived.withStatus(RuleStatus.ARCHIVED).version()).isEqualTo(6);
        }

        @Test
        void anArchivedRuleIsNotRevivedByAReplacement() {
            Rule archived = aRule().withStatus(RuleStatus.ARCHIVED).atVersion(5).build();

            assertThatThrownBy(
                            () -> archived.replacedBy(aRule().named("Revived").build()))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("status"));
            assertThatThrownBy(() -> archived.replacedBy(
                            aRule().withStatus(RuleStatus.PAUSED).build()))
                    .isInstanceOf(InvalidValueException.class);
            Rule stillArchived = archived.replacedBy(
                    aRule().named("Renamed").withStatus(RuleStatus.ARCHIVED).build());
            assertThat(stillArchived.status()).isEqualTo(RuleStatus.ARCHIVED);
            assertThat(stillArchived.name()).isEqualTo("Renamed");
            assertThat(stillArchived.version()).isEqualTo(6);
        }
    }

    @Nested
    class Validation {

        @Test
        void theNameIsStripped() {
            assertThat(aRule().named("  Welcome app \n").build().name()).isEqualTo("Welcome app");
        }

        @Test
        void theNameIsOneToTwoHundredCharacters() {
            assertThat(aRule().named("x".repeat(200)).build().name()).hasSize(200);
            for (String bad : new String[] {null, "", "   ", "x".repeat(201)}) {
                assertThatThrownBy(() -> aRule().named(bad).build())
                        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                                .isEqualTo("name"));
            }
        }

        @Test
        void aRuleHasOneToTenActions() {
            RuleAction[] ten =
                    Collections.nCopies(Rule.MAX_ACTIONS, HUNDRED_POINTS).toArray(RuleAction[]::new);
            assertThat(aRule().doing(ten).build().actions()).hasSize(10);

            RuleAction[] eleven =
                    Collections.nCopies(Rule.MAX_ACTIONS + 1, HUNDRED_POINTS).toArray(RuleAction[]::new);
            assertThatThrownBy(() -> aRule().doing(eleven).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("actions"))
                    .hasMessage("a rule has 1 to 10 actions");
            assertThatThrownBy(() -> aRule().doing().build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("actions"));
            RuleId id = RuleId.newId();
            assertThatThrownBy(() -> new Rule(id, "n", APP_INSTALLED, RuleConditions.NONE, null, RuleStatus.ACTIVE, 1))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("actions"));
        }

        @Test
        void keepsItsOwnCopyOfTheActionsInOrder() {
            RuleAction fifty = new RuleAction.AwardPoints(Points.of(50));
            List<RuleAction> actions = new ArrayList<>(List.of(HUNDRED_POINTS, fifty));
            Rule rule =
                    new Rule(RuleId.newId(), "n", APP_INSTALLED, RuleConditions.NONE, actions, RuleStatus.ACTIVE, 1);

            actions.clear();

            assertThat(rule.actions()).containsExactly(HUNDRED_POINTS, fifty);
            assertThatThrownBy(() -> rule.actions().add(fifty)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void requiresIdTypeConditionsAndStatus() {
            List<RuleAction> actions = List.of(HUNDRED_POINTS);
            RuleId id = RuleId.newId();
            assertThatThrownBy(() ->
                            new Rule(null, "n", APP_INSTALLED, RuleConditions.NONE, actions, RuleStatus.ACTIVE, 1))
                    .hasMessage("id");
            assertThatThrownBy(() -> new Rule(id, "n", null, RuleConditions.NONE, actions, RuleStatus.ACTIVE, 1))
                    .hasMessage("on");
            assertThatThrownBy(() -> new Rule(id, "n", APP_INSTALLED, null, actions, RuleStatus.ACTIVE, 1))
                    .hasMessage("conditions");
            assertThatThrownBy(() -> new Rule(id, "n", APP_INSTALLED, RuleConditions.NONE, actions, null, 1))
                    .hasMessage("status");
        }
    }
}
