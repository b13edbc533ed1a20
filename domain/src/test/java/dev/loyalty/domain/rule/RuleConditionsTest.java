package dev.loyalty.domain.rule;

import static dev.loyalty.domain.activity.ActivityFixtures.OCCURRED_AT;
import static dev.loyalty.domain.activity.ActivityFixtures.aPurchase;
import static dev.loyalty.domain.activity.ActivityFixtures.anActivity;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.rule.RuleFixtures.conditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleConditionsTest {

    private static final Instant MAY = Instant.parse("2025-05-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2025-06-01T00:00:00Z");

    private static final CustomerFacts MARCO = new CustomerFacts(aCustomer().build(), false);

    private static List<String> unmet(RuleFixtures.ConditionsBuilder conditions, Activity activity) {
        return conditions.build().unmet(activity, MARCO);
    }

    @Test
    void noConditionsHoldForAnyEvent() {
        assertThat(RuleConditions.NONE.unmet(anActivity().build(), MARCO)).isEmpty();
        assertThat(RuleConditions.NONE.unmet(
                        aPurchase().build(), new CustomerFacts(aCustomer().build(), true)))
                .isEmpty();
    }

    @Nested
    class Attributes {

        @Test
        void anEqualValueHoldsWhateverItsCase() {
            assertThat(unmet(
                            conditions().attribute("source", "newsletter"),
                            anActivity().with("source", "NewsLetter").build()))
                    .isEmpty();
            assertThat(unmet(
                            conditions().attribute("source", "NEWSLETTER"),
                            anActivity().with("source", "newsletter").build()))
                    .isEmpty();
        }

        @Test
        void numbersBooleansAndListsCompareAsText() {
            Activity activity = anActivity()
                    .with("step", 3)
                    .with("first", true)
                    .with("tags", List.of("a", "b"))
                    .build();
            assertThat(unmet(
                            conditions()
                                    .attribute("step", "3")
                                    .attribute("first", "TRUE")
                                    .attribute("tags", "a,b"),
                            activity))
                    .isEmpty();
            assertThat(unmet(conditions().attribute("step", "03"), activity))
                    .containsExactly("attribute step is 3, wanted 03");
        }

        @Test
        void anotherValueIsNamedWithTheOneWanted() {
            assertThat(unmet(
                            conditions().attribute("source", "newsletter"),
                            anActivity().with("source", "web").build()))
                    .containsExactly("attribute source is web, wanted newsletter");
        }

        @Test
        void aMissingAttributeIsNamed() {
            assertThat(unmet(
                            conditions().attribute("source", "newsletter"),
                            anActivity().with("Source", "newsletter").build()))
                    .containsExactly("the event has no attribute source (wanted newsletter)");
        }

        @Test
        void everyUnmetAttributeIsListedInTheOrderOfTheirNames() {
            Activity activity = anActivity().with("b", "2").build();
            List<String> reasons = unmet(
                    conditions()
                            .attribute("d", "4")
                            .attribute("b", "x")
                            .attribute("c", "3")
                            .attribute("a", "1"),
                    activity);
            assertThat(reasons)
                    .containsExactly(
                            "the event has no attribute a (wanted 1)",
                            "attribute b is 2, wanted x",
                            "the event has no attribute c (wanted 3)",
                            "the event has no attribute d (wanted 4)");
        }
    }

    @Nested
    class Stores {

        @Test
        void anEventInOneOfTheStoresHolds() {
            assertThat(unmet(
                            conditions().storeIds("S1", "S2"),
                            anActivity().inStore("S2").build()))
                    .isEmpty();
        }

        @Test
        void anEventInAnotherStoreIsNamedWithTheStoresSorted() {
            assertThat(unmet(
                            conditions().storeIds("S2", "S1"),
                            anActivity().inStore("S9").build()))
                    .containsExactly("store S9 is not among [S1, S2]");
        }

        @Test
        void anEventWithoutAStoreDoesNotHold() {
            assertThat(unmet(conditions().storeIds("S1"), anActivity().build()))
                    .containsExactly("store (none) is not among [S1]");
        }

        @Test
        void storeIdsAreComparedExactly() {
            assertThat(unmet(
                            conditions().storeIds("S1"),
                            anActivity().inStore("s1").build()))
                    .containsExactly("store s1 is not among [S1]");
        }
    }

    @Nested
    class Channels {

        @Test
        void theEventsChannelHoldsWhateverItsCase() {
            assertThat(unmet(
                            conditions().channels("STORE"),
                            anActivity().inChannel("STORE").build()))
                    .isEmpty();
            assertThat(unmet(
                            conditions().channels("STORE", "ONLINE"),
                            anActivity().inChannel("online").build()))
                    .isEmpty();
        }

        @Test
        void anotherChannelIsNamedAsTheEventGaveIt() {
            assertThat(unmet(
                            conditions().channels("STORE"),
                            anActivity().inChannel("online").build()))
                    .containsExactly("channel online is not among [STORE]");
        }

        @Test
        void anEventWithoutAChannelDoesNotHold() {
            assertThat(unmet(
                            conditions().channels("STORE", "ONLINE"),
                            anActivity().build()))
                    .containsExactly("channel (none) is not among [ONLINE, STORE]");
        }
    }

    @Nested
    class Categories {

        @Test
        void aPurchaseWithOneOfTheCategoriesHolds() {
            assertThat(unmet(
                            conditions().categories("wine", "beer"),
                            aPurchase().withCategories("cheese", "beer").build()))
                    .isEmpty();
        }

        @Test
        void aPurchaseWithoutAnyIsNamedWithTheCategoriesSorted() {
            assertThat(unmet(
                            conditions().categories("wine", "beer"),
                            aPurchase().withCategories("cheese").build()))
                    .containsExactly("no line in categories [beer, wine]");
        }

        @Test
        void anEventWithoutCategoriesDoesNotHold() {
            assertThat(unmet(conditions().categories("wine"), anActivity().build()))
                    .containsExactly("no line in categories [wine]");
        }
    }

    @Nested
    class MinAmount {

        @Test
        void aNetAtTheMinimumHolds() {
            assertThat(unmet(
                            conditions().minAmount(5000),
                            aPurchase().withNet(5000).build()))
                    .isEmpty();
            assertThat(unmet(
                            conditions().minAmount(5000),
                            aPurchase().withNet(5001).build()))
                    .isEmpty();
        }

        @Test
        void aNetBelowIsNamedInCents() {
            assertThat(unmet(
                            conditions().minAmount(5000),
                            aPurchase().withNet(4999).build()))
                    .containsExactly("amount 4999 is below the minimum 5000 (cents)");
        }

        @Test
        void aNetGivenAsTextCounts() {
            assertThat(unmet(
                            conditions().minAmount(5000),
                            aPurchase().with(Activity.NET, "6000").build()))
                    .isEmpty();
        }

        @Test
        void aMissingNetCountsAsZero() {
            assertThat(unmet(conditions().minAmount(1), aPurchase().build()))
                    .containsExactly("amount 0 is below the minimum 1 (cents)");
            assertThat(unmet(conditions().minAmount(0), aPurchase().build())).isEmpty();
        }
    }

    @Nested
    class Consents {

        @Test
        void grantedConsentsHold() {
            Customer customer =
                    aCustomer().withConsent(MARKETING_SMS, PROFILING).build();
            assertThat(conditions()
                            .consents(MARKETING_SMS, PROFILING)
                            .build()
                            .unmet(anActivity().build(), new CustomerFacts(customer, false)))
                    .isEmpty();
        }

        @Test
        void eachConsentNotGrantedIsNamedInTheOrderOfThePurposes() {
            Customer customer = aCustomer().withConsent(MARKETING_SMS).build();
            assertThat(conditions()
                            .consents(PROFILING, MARKETING_SMS, MARKETING_EMAIL)
                            .build()
                            .unmet(anActivity().build(), new CustomerFacts(customer, false)))
                    .containsExactly(
                            "the customer has not granted MARKETING_EMAIL", "the customer has not granted PROFILING");
        }
    }

    @Nested
    class EnrolmentChannels {

        @Test
        void aCustomerEnrolledThroughOneOfThemHolds() {
            Customer customer =
                    aCustomer().enrolledAt(EnrolmentChannel.STORE, "S001").build();
            assertThat(conditions()
                            .enrolmentChannels(EnrolmentChannel.STORE, EnrolmentChannel.WEB)
                            .build()
                            .unmet(anActivity().build(), new CustomerFacts(customer, false)))
                    .isEmpty();
        }

        @Test
        void anotherIsNamedWithTheChannelsSorted() {
            Customer customer = aCustomer().enrolledAt(EnrolmentChannel.APP).build();
            assertThat(conditions()
                            .enrolmentChannels(EnrolmentChannel.WEB, EnrolmentChannel.STORE)
                            .build()
                            .unmet(anActivity().build(), new CustomerFacts(customer, false)))
                    .containsExactly("enrolled through APP, not among [STORE, WEB]");
        }
    }

    @Nested
    class Window {

        @Test
        void theWindowOpensAtItsStart() {
            assertThat(unmet(conditions().activeFrom(MAY), anActivity().at(MAY).build()))
                    .isEmpty();
            assertThat(unmet(
                            conditions().activeFrom(MAY),
                            anActivity().at(MAY.minusNanos(1)).build()))
                    .containsExactly("the event occurred before the rule's window opens (2025-05-01T00:00:00Z)");
        }

        @Test
        void theWindowIsClosedAtItsEnd() {
            assertThat(unmet(
                            conditions().activeUntil(JUNE),
                            anActivity().at(JUNE.minusNanos(1)).build()))
                    .isEmpty();
            assertThat(unmet(
                            conditions().activeUntil(JUNE),
                            anActivity().at(JUNE).build()))
                    .containsExactly("the event occurred after the rule's window closed (2025-06-01T00:00:00Z)");
            assertThat(unmet(
                            conditions().activeUntil(JUNE),
                            anActivity().at(JUNE.plusSeconds(1)).build()))
                    .hasSize(1);
        }

        @Test
        void bothEndsTogether() {
            RuleFixtures.ConditionsBuilder may = conditions().activeFrom(MAY).activeUntil(JUNE);
            assertThat(unmet(may, anActivity().at(OCCURRED_AT).build())).isEmpty();
            assertThat(unmet(may, anActivity().at(MAY.minusSeconds(1)).build()))
                    .containsExactly("the event occurred before the rule's window opens (2025-05-01T00:00:00Z)");
            assertThat(unmet(may, anActivity().at(JUNE).build()))
                    .containsExactly("the event occurred after the rule's window closed (2025-06-01T00:00:00Z)");
        }
    }

    @Nested
    class OncePerCustomer {

        @Test
        void holdsUntilTheRuleHasFiredForTheCustomer() {
            RuleConditions once = conditions().oncePerCustomer().build();
            Customer customer = aCustomer().build();
            assertThat(once.unmet(anActivity().build(), new CustomerFacts(customer, false)))
                    .isEmpty();
            assertThat(once.unmet(anActivity().build(), new CustomerFacts(customer, true)))
                    .containsExactly("the rule fires once per customer and has already fired for this one");
        }

        @Test
        void aRuleThatMayFireAgainIgnoresThePast() {
            assertThat(RuleConditions.NONE.unmet(
                            anActivity().build(), new CustomerFacts(aCustomer().build(), true)))
                    .isEmpty();
        }
    }

    @Test
    void everyUnmetConditionIsListedInOrder() {
        RuleConditions all = conditions()
                .attribute("source", "newsletter")
                .storeIds("S1")
                .channels("STORE")
                .categories("wine")
                .minAmount(5000)
                .consents(MARKETING_SMS)
                .enrolmentChannels(EnrolmentChannel.WEB)
                .activeFrom(JUNE)
                .oncePerCustomer()
                .build();
        Activity nothingRight = aPurchase()
                .inStore("S2")
                .inChannel("ONLINE")
                .withCategories("food")
                .withNet(100)
                .at(MAY)
                .build();

        assertThat(all.unmet(nothingRight, new CustomerFacts(aCustomer().build(), true)))
                .containsExactly(
                        "the event has no attribute source (wanted newsletter)",
                        "store S2 is not among [S1]",
                        "channel ONLINE is not among [STORE]",
                        "no line in categories [wine]",
                        "amount 100 is below the minimum 5000 (cents)",
                        "the customer has not granted MARKETING_SMS",
                        "enrolled through APP, not among [WEB]",
                        "the event occurred before the rule's window opens (2025-06-01T00:00:00Z)",
                        "the rule fires once per customer and has already fired for this one");
    }

    @Test
    void everyConditionMetHolds() {
        RuleConditions all = conditions()
                .attribute("source", "newsletter")
                .storeIds("S1")
                .channels("STORE")
                .categories("wine")
                .minAmount(5000)
                .consents(MARKETING_SMS)
                .enrolmentChannels(EnrolmentChannel.APP)
                .activeFrom(MAY)
                .activeUntil(JUNE)
                .oncePerCustomer()
                .build();
        Activity allRight = aPurchase()
                .with("source", "newsletter")
                .inStore("S1")
                .inChannel("STORE")
                .withCategories("wine")
                .withNet(5000)
                .at(OCCURRED_AT)
                .build();

        assertThat(all.unmet(
                        allRight,
                        new CustomerFacts(aCustomer().withConsent(MARKETING_SMS).build(), false)))
                .isEmpty();
    }

    @Nested
    class Validation {

        @Test
        void aNegativeMinimumIsRefused() {
            assertThatThrownBy(() -> conditions().minAmount(-1).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("conditions.minAmount"));
        }

        @Test
        void theWindowMustEndAfterItStarts() {
            assertThatThrownBy(() ->
                            conditions().activeFrom(JUNE).activeUntil(JUNE).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("conditions.activeUntil"));
            assertThatThrownBy(
                            () -> conditions().activeFrom(JUNE).activeUntil(MAY).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("conditions.activeUntil"));
            assertThat(conditions()
                            .activeFrom(MAY)
                            .activeUntil(MAY.plusNanos(1))
                            .build()
                            .activeUntil())
                    .contains(MAY.plusNanos(1));
        }

        @Test
        void atMostTwentyAttributes() {
            RuleFixtures.ConditionsBuilder twenty = conditions();
            for (int i = 0; i < 20; i++) {
                twenty.attribute("a" + i, "v");
            }
            assertThat(twenty.build().attributes()).hasSize(20);

            twenty.attribute("a20", "v");
            assertThatThrownBy(twenty::build)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("conditions.attributes"));
        }

        @Test
        void keepsItsOwnCopies() {
            Map<String, String> attributes = new HashMap<>(Map.of("source", "newsletter"));
            Set<String> stores = new HashSet<>(Set.of("S1"));
            RuleConditions conditions = new RuleConditions(
                    attributes,
                    stores,
                    Set.of(),
                    Set.of(),
                    Optional.empty(),
                    Set.of(),
                    Set.of(),
                    Optional.empty(),
                    Optional.empty(),
                    false);

            attributes.put("source", "web");
            stores.add("S2");

            assertThat(conditions.attributes()).containsExactly(Map.entry("source", "newsletter"));
            assertThat(conditions.storeIds()).containsExactly("S1");
            assertThatThrownBy(() -> conditions.storeIds().add("S3")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
