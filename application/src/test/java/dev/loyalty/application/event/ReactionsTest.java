package dev.loyalty.application.event;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static dev.loyalty.domain.mission.MissionFixtures.spend;
import static dev.loyalty.domain.rule.RuleFixtures.HUNDRED_POINTS;
import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static dev.loyalty.domain.rule.RuleFixtures.conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.checkout.InMemoryPurchases;
import dev.loyalty.application.checkout.PurchaseService;
import dev.loyalty.application.checkout.RecordPurchaseCommand;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.customer.CustomerService;
import dev.loyalty.application.customer.EnrolCustomerCommand;
import dev.loyalty.application.customer.InMemoryCustomers;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.mission.InMemoryMissionProgress;
import dev.loyalty.application.mission.InMemoryMissions;
import dev.loyalty.application.referral.InMemoryReferrals;
import dev.loyalty.application.referral.ReferralProgramme;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.InMemoryRuleEvaluations;
import dev.loyalty.application.rule.InMemoryRules;
import dev.loyalty.application.rule.Rules;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.InMemoryQualifyingActivity;
import dev.loyalty.application.wallet.InMemoryWallets;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionCompleted;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleFixtures.RuleBuilder;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReactionsTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final EventType NEWSLETTER = new EventType("NEWSLETTER_SUBSCRIBED");
    static final EventType PROFILE_COMPLETED = new EventType("PROFILE_COMPLETED");
    static final Duration POINTS_VALIDITY = Duration.ofDays(365);
    static final Duration DAY = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryActivityLog activities = new InMemoryActivityLog();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryRules rules = new InMemoryRules();
    private final InMemoryRuleEvaluations evaluations = new InMemoryRuleEvaluations();
    private final InMemoryMissions missions = new InMemoryMissions();
    private final InMemoryMissionProgress progress = new InMemoryMissionProgress();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final ServiceEvents serviceEvents = new ServiceEvents(activities);
    private final InMemoryQualifyingActivity qualifying = new InMemoryQualifyingActivity();
    private final List<MessageRequest> messages = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    /** The rules port breaks down on events of this type (null: never). */
    private EventType failOn;

    private final Rules failingRules = new Rules() {
        @Override
        public void add(Rule rule) {
            rules.add(rule);
        }

        @Override
        public void update(Rule rule, long readVersion) {
            rules.update(rule, readVersion);
        }

        @Override
        public Optional<Rule> byId(RuleId id) {
            return rules.byId(id);
        }

        @Override
        public List<Rule> all() {
            return rules.all();
        }

        @Override
        public List<Rule> activeOn(EventType type) {
            if (type.equals(failOn)) {
                throw new RuntimeException("transaction rolled back", new IllegalStateException("boom"));
            }
            return rules.activeOn(type);
        }
    };

    private final Reactions reactions = reactions(messages::add);
    private final ReactionJob job = new ReactionJob(activities, reactions, clock);

    private Reactions reactions(MessageOutbox outbox) {
        return new Reactions(
                activities,
                customers,
                wallets,
                failingRules,
                evaluations,
                missions,
                progress,
                templates,
                coupons,
                outbox,
                referrals,
                serviceEvents,
                events::add,
                () -> Optional.of(POINTS_VALIDITY),
                qualifying,
                clock);
    }

    private Customer enrolled() {
        Customer customer = aCustomer().withAPhone().build();
        customers.add(customer);
        return customer;
    }

    private long pushed(CustomerId customer, String eventId, EventType type, Instant at, Map<String, Object> facts) {
        activities.append(new RecordedActivity(
                eventId,
                type,
                EventSource.INTEGRATION,
                Optional.of(customer),
                Optional.empty(),
                Optional.empty(),
                "MI-001",
                at,
                clock.instant(),
                facts));
        return activities.rowOf(eventId);
    }

    private long newsletter(Customer customer, String eventId) {
        return pushed(customer.id(), eventId, NEWSLETTER, NOW.minusSeconds(60), Map.of("source", "website"));
    }

    private long purchase(Customer customer, String eventId, long net, Instant at) {
        return pushed(
                customer.id(),
                eventId,
                EventType.PURCHASE_RECORDED,
                at,
                Map.of("net", net, "categories", List.of("wine"), "channel", "STORE"));
    }

    private Rule stored(RuleBuilder rule) {
        Rule built = rule.build();
        rules.add(built);
        return built;
    }

    private Mission stored(Mission mission) {
        missions.add(mission);
        return mission;
    }

    private CouponTemplate template(Instant validUntil, Integer validDays) {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Newsletter ten percent",
                new Discount.PercentOff(10),
                null,
                Set.of(SalesChannel.STORE, SalesChannel.ONLINE),
                null,
                validUntil,
                validDays,
                null,
                Set.of(),
                null);
        templates.add(template);
        return template;
    }

    private List<WalletEntry> entries(CustomerId customer) {
        return wallets.byCustomer(customer).map(Wallet::entries).orElse(List.of());
    }

    private List<WalletEntry> entriesReferencing(CustomerId customer, String reference) {
        return entries(customer).stream()
                .filter(e -> reference.equals(e.reference()))
                .toList();
    }

    private List<Evaluation> evaluationsOf(CustomerId customer) {
        return evaluations.all().stream()
                .filter(e -> e.customerId().equals(customer))
                .toList();
    }

    private InMemoryActivityLog.Row row(long rowId) {
        return activities.rows().stream().filter(r -> r.id == rowId).findFirst().orElseThrow();
    }

    @Nested
    class RulesJudgeEachEvent {

        @Test
        void aNewsletterCouponRuleIssuesAPersonalCouponAndRecordsThatItFired() {
            Customer marco = enrolled();
            CouponTemplate newsletterCoupon = template(null, 30);
            Rule rule = stored(aRule().named("Newsletter coupon")
                    .on(NEWSLETTER)
                    .doing(new RuleAction.IssueCoupon(newsletterCoupon.id())));
            long row = newsletter(marco, "nl-1");

            boolean reacted = reactions.react(row);

            assertThat(reacted).isTrue();
            Coupon coupon = coupons.ofCustomer(marco.id()).stream().findFirst().orElseThrow();
            assertThat(coupons.size()).isEqualTo(1);
            assertThat(coupon.templateId()).isEqualTo(newsletterCoupon.id());
            assertThat(coupon.owner()).contains(marco.id());
            assertThat(coupon.status()).isEqualTo(CouponStatus.ISSUED);
            assertThat(coupon.validUntil()).isEqualTo(NOW.plus(Duration.ofDays(30)));
            assertThat(evaluations.all()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.FIRED);
                assertThat(e.ruleId()).isEqualTo(rule.id());
                assertThat(e.ruleVersion()).isEqualTo(1);
                assertThat(e.eventRowId()).isEqualTo(row);
                assertThat(e.eventId()).isEqualTo("nl-1");
                assertThat(e.eventType()).isEqualTo(NEWSLETTER.value());
                assertThat(e.eventOccurredAt()).isEqualTo(NOW.minusSeconds(60));
                assertThat(e.customerId()).isEqualTo(marco.id());
                assertThat(e.evaluatedAt()).isEqualTo(NOW);
                assertThat(e.reasons())
                        .contains("issued coupon " + coupon.code().value() + " valid until " + coupon.validUntil());
            });
            assertThat(activities.due(NOW.plus(DAY), 10))
                    .as("reacted to, no longer due")
                    .isEmpty();
        }

        @Test
        void unmetConditionsSkipTheRuleWithEveryReasonAndDoNothing() {
            Customer marco = enrolled();
            CouponTemplate newsletterCoupon = template(null, 30);
            stored(aRule().on(NEWSLETTER)
                    .when(conditions().attribute("source", "app").consents(ConsentPurpose.MARKETING_EMAIL))
                    .doing(new RuleAction.IssueCoupon(newsletterCoupon.id()), HUNDRED_POINTS));

            reactions.react(newsletter(marco, "nl-1"));

            assertThat(evaluations.all()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.SKIPPED);
                assertThat(e.reasons())
                        .containsExactly(
                                "attribute source is website, wanted app",
                                "the customer has not granted MARKETING_EMAIL");
            });
            assertThat(coupons.size()).isZero();
            assertThat(entries(marco.id())).isEmpty();
        }

        @Test
        void onlyActiveRulesOnTheEventsTypeJudgeIt() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER).withStatus(RuleStatus.PAUSED));
            stored(aRule().on(PROFILE_COMPLETED));

            reactions.react(newsletter(marco, "nl-1"));

            assertThat(evaluations.all()).isEmpty();
            assertThat(entries(marco.id())).isEmpty();
        }

        @Test
        void aRuleOncePerCustomerFiresOnceOverTwoEventsAndStillForAnotherCustomer() {
            Customer marco = enrolled();
            Customer elena = enrolled();
            Rule rule = stored(
                    aRule().on(NEWSLETTER).when(conditions().oncePerCustomer()).doing(HUNDRED_POINTS));

            reactions.react(newsletter(marco, "nl-1"));
            reactions.react(newsletter(marco, "nl-2"));
            reactions.react(newsletter(elena, "nl-3"));

            assertThat(evaluationsOf(marco.id()))
                    .extracting(Evaluation::outcome)
                    .containsExactly(Evaluation.Outcome.FIRED, Evaluation.Outcome.SKIPPED);
            assertThat(evaluationsOf(marco.id()).get(1).reasons())
                    .containsExactly("the rule fires once per customer and has already fired for this one");
            assertThat(entriesReferencing(marco.id(), "rule:" + rule.id())).hasSize(1);
            assertThat(entriesReferencing(elena.id(), "rule:" + rule.id())).hasSize(1);
        }

        @Test
        void awardingPointsCreditsTheWalletWithTheRuleAsReference() {
            Customer marco = enrolled();
            Rule rule = stored(aRule().on(NEWSLETTER).doing(new RuleAction.AwardPoints(Points.of(150))));

            reactions.react(newsletter(marco, "nl-1"));

            assertThat(entries(marco.id())).singleElement().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(WalletEntryType.EARN);
                assertThat(entry.points()).isEqualTo(150);
                assertThat(entry.reason()).isEqualTo(Reactions.RULE_REASON);
                assertThat(entry.reference()).isEqualTo("rule:" + rule.id());
                assertThat(entry.occurredAt()).isEqualTo(NOW);
                assertThat(entry.expiresAt()).isEqualTo(NOW.plus(POINTS_VALIDITY));
            });
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(150));
            assertThat(events).extracting(DomainEvent::type).containsExactly("POINTS_EARNED");
            assertThat(evaluations.all().get(0).reasons()).contains("awarded 150 points");
        }

        @Test
        void aMessageCarriesTheCodeOfTheCouponIssuedBeforeIt() {
            Customer marco = enrolled();
            CouponTemplate newsletterCoupon = template(null, 30);
            Rule rule = stored(aRule().on(NEWSLETTER)
                    .doing(
                            new RuleAction.IssueCoupon(newsletterCoupon.id()),
                            new RuleAction.SendMessage(
                                    Optional.of("sms"), "Welcome! Your code: {couponCode}", false, 40)));

            reactions.react(newsletter(marco, "nl-1"));

            Coupon coupon = coupons.ofCustomer(marco.id()).get(0);
            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.customerId()).isEqualTo(marco.id());
                assertThat(message.channel()).contains(Channel.SMS);
                assertThat(message.template()).isEqualTo("Welcome! Your code: {couponCode}");
                assertThat(message.values())
                        .containsEntry("couponCode", coupon.code().value())
                        .containsEntry("couponValidUntil", "2025-07-01")
                        .containsEntry("storeId", "MI-001");
                assertThat(message.transactional()).isFalse();
                assertThat(message.priority()).isEqualTo(40);
                assertThat(message.cause()).isEqualTo("rule:" + rule.id() + "/event:nl-1/action:2");
            });
            assertThat(evaluations.all().get(0).outcome()).isEqualTo(Evaluation.Outcome.FIRED);
        }

        @Test
        void eachMessageHasACauseOfItsOwnPerRuleEventAndAction() {
            Customer marco = enrolled();
            RuleAction.SendMessage hello = new RuleAction.SendMessage(Optional.empty(), "Hello {firstName}", true, 0);
            stored(aRule().named("twice").on(NEWSLETTER).doing(hello, hello));
            stored(aRule().named("once").on(NEWSLETTER).doing(hello));

            reactions.react(newsletter(marco, "nl-1"));
            reactions.react(newsletter(marco, "nl-2"));

            assertThat(messages).hasSize(6);
            assertThat(messages).extracting(MessageRequest::cause).doesNotHaveDuplicates();
            assertThat(messages).allSatisfy(m -> assertThat(m.channel()).isEmpty());
        }

        @Test
        void anActionThatCannotRunMakesItPartialAndTheOthersStillRun() {
            Customer marco = enrolled();
            CouponTemplate over = template(NOW.minus(DAY), null);
            stored(aRule().on(NEWSLETTER)
                    .doing(
                            new RuleAction.IssueCoupon(over.id()),
                            new RuleAction.AwardPoints(Points.of(50)),
                            new RuleAction.SendMessage(Optional.of("EMAIL"), "Sorry", false, 10)));

            reactions.react(newsletter(marco, "nl-1"));

            assertThat(evaluations.all()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.PARTIAL);
                assertThat(e.reasons())
                        .anyMatch(r -> r.startsWith("action 1 (ISSUE_COUPON) could not run: validation-failed"));
                assertThat(e.reasons()).contains("awarded 50 points");
            });
            assertThat(coupons.size()).isZero();
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(50));
            assertThat(messages).hasSize(1);
        }

        @Test
        void aCouponTemplateThatNoLongerExistsMakesItPartial() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER).doing(new RuleAction.IssueCoupon(CouponTemplateId.newId()), HUNDRED_POINTS));

            reactions.react(newsletter(marco, "nl-1"));

            assertThat(evaluations.all().get(0).outcome()).isEqualTo(Evaluation.Outcome.PARTIAL);
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(100));
        }

        @Test
        void aPartialFiringCountsAsFiredForOncePerCustomer() {
            Customer marco = enrolled();
            CouponTemplate over = template(NOW.minus(DAY), null);
            stored(aRule().on(NEWSLETTER)
                    .when(conditions().oncePerCustomer())
                    .doing(new RuleAction.IssueCoupon(over.id()), HUNDRED_POINTS));

            reactions.react(newsletter(marco, "nl-1"));
            reactions.react(newsletter(marco, "nl-2"));

            assertThat(evaluations.all())
                    .extracting(Evaluation::outcome)
                    .containsExactly(Evaluation.Outcome.PARTIAL, Evaluation.Outcome.SKIPPED);
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(100));
        }

        @Test
        void reactingTwiceToTheSameEventDoesNothingTheSecondTime() {
            Customer marco = enrolled();
            CouponTemplate newsletterCoupon = template(null, 30);
            stored(aRule().on(NEWSLETTER).doing(new RuleAction.IssueCoupon(newsletterCoupon.id()), HUNDRED_POINTS));
            Mission profile = stored(aMission().withGoal(events(NEWSLETTER, 5)).build());
            long row = newsletter(marco, "nl-1");

            boolean first = reactions.react(row);
            boolean second = reactions.react(row);

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(activities.claim(row)).isEmpty();
            assertThat(evaluations.all()).hasSize(1);
            assertThat(coupons.size()).isEqualTo(1);
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(100));
            assertThat(progress.steps()).singleElement().satisfies(s -> assertThat(s.missionId())
                    .isEqualTo(profile.id()));
        }

        @Test
        void anErasedCustomersEventIsMarkedReactedAndNothingElseHappens() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER));
            Customer erased = customers.byId(marco.id()).orElseThrow();
            erased.erase(NOW, "ADMIN", "privacy-v1");
            customers.update(erased);
            long row = newsletter(marco, "nl-1");

            assertThat(reactions.react(row)).isTrue();

            assertThat(evaluations.all()).isEmpty();
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.ZERO);
            assertThat(activities.due(NOW.plus(DAY), 10)).isEmpty();
        }

        @Test
        void aRuleCanAdvanceAMissionThatCountsAnotherEvent() {
            Customer marco = enrolled();
            Mission profile = stored(aMission()
                    .named("Complete your profile")
                    .withGoal(events(PROFILE_COMPLETED, 2))
                    .rewarding(Points.of(30))
                    .build());
            stored(aRule().on(NEWSLETTER).doing(new RuleAction.AdvanceMission(profile.id())));

            reactions.react(newsletter(marco, "nl-1"));
            assertThat(evaluations.all().get(0).reasons()).contains("mission " + profile.id() + " advanced to 1 of 2");
            reactions.react(pushed(marco.id(), "pc-1", PROFILE_COMPLETED, NOW.minusSeconds(30), Map.of()));

            assertThat(progress.completions()).hasSize(1);
            assertThat(entriesReferencing(marco.id(), profile.reference()))
                    .extracting(WalletEntry::points)
                    .containsExactly(30L);
        }
    }

    @Nested
    class MissionsCountEachEvent {

        private final Mission threeIn30Days = aMission()
                .withGoal(purchases(3, 30))
                .rewarding(Points.of(500))
                .activeBetween(NOW.minus(Duration.ofDays(365)), null)
                .build();

        @Test
        void threePurchasesWithin30DaysCompleteTheMissionOnTheThirdExactlyOnce() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(20))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(10))));
            assertThat(progress.completions()).isEmpty();
            reactions.react(purchase(marco, "p-3", 1_000, NOW.minus(DAY)));

            assertThat(progress.completions()).singleElement().satisfies(c -> {
                assertThat(c.missionId()).isEqualTo(threeIn30Days.id());
                assertThat(c.customerId()).isEqualTo(marco.id());
                assertThat(c.cycle()).isZero();
                assertThat(c.points()).isEqualTo(Points.of(500));
            });
            assertThat(entriesReferencing(marco.id(), "mission:" + threeIn30Days.id()))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.type()).isEqualTo(WalletEntryType.EARN);
                        assertThat(entry.points()).isEqualTo(500);
                        assertThat(entry.reason()).isEqualTo(Reactions.MISSION_REASON);
                    });
            assertThat(events)
                    .filteredOn(MissionCompleted.class::isInstance)
                    .containsExactly(new MissionCompleted(threeIn30Days.id(), marco.id(), 1, Points.of(500), NOW));
            String completedId = "mission-completed:" + threeIn30Days.id() + ":" + marco.id() + ":1";
            RecordedActivity completed = activities.byEventId(completedId).orElseThrow();
            assertThat(completed.type()).isEqualTo(EventType.MISSION_COMPLETED);
            assertThat(completed.source()).isEqualTo(EventSource.SERVICE);
            assertThat(completed.customerId()).contains(marco.id());
            assertThat(completed.attributes())
                    .containsEntry("missionId", threeIn30Days.id().toString())
                    .containsEntry("completion", 1L)
                    .containsEntry("points", 500L);
            assertThat(activities.due(NOW, 10))
                    .as("the completion is due for reactions in its turn")
                    .extracting(id -> row(id).activity.eventId())
                    .containsExactly(completedId);
            assertThat(qualifying
                            .history(marco.id(), TierMetric.POINTS_EARNED, YearMonth.from(NOW.atZone(ZoneOffset.UTC)))
                            .byMonth())
                    .as("the mission's points qualify for a tier on points earned")
                    .containsValue(500L);
        }

        @Test
        void aOneTimeMissionDoesNotCompleteTwice() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            for (int i = 1; i <= 7; i++) {
                reactions.react(purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(8 - i))));
            }

            assertThat(progress.completions()).hasSize(1);
            assertThat(entriesReferencing(marco.id(), threeIn30Days.reference()))
                    .hasSize(1);
            assertThat(progress.steps())
                    .as("a closed mission counts no more steps")
                    .hasSize(3);
        }

        @Test
        void stepsOutsideTheWindowDoNotCount() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(40))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(20))));
            reactions.react(purchase(marco, "p-3", 1_000, NOW.minus(DAY)));
            assertThat(progress.completions())
                    .as("40 days before the third purchase is outside 30 days")
                    .isEmpty();

            reactions.react(purchase(marco, "p-4", 1_000, NOW));

            assertThat(progress.completions()).hasSize(1);
        }

        @Test
        void eventsOutsideTheMissionsActivityAndOtherCustomersDoNotCount() {
            Customer marco = enrolled();
            Customer elena = enrolled();
            Mission may = stored(aMission()
                    .withGoal(purchases(2, null))
                    .activeBetween(NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY))
                    .build());
            stored(aMission().withGoal(purchases(1, null)).inactive().build());

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(11))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(5))));
            reactions.react(purchase(elena, "p-3", 1_000, NOW.minus(DAY.multipliedBy(4))));
            reactions.react(purchase(marco, "p-4", 1_000, NOW.minus(DAY)));
            reactions.react(newsletter(marco, "nl-1"));

            assertThat(progress.completions()).isEmpty();
            assertThat(progress.progress(may.id(), marco.id(), 0, Instant.MIN, NOW))
                    .isEqualTo(1);
        }

        @Test
        void aRepeatableMissionStartsAgainAndStopsAtItsCap() {
            Customer marco = enrolled();
            Mission twice = stored(aMission()
                    .withGoal(purchases(2, null))
                    .rewarding(Points.of(50))
                    .repeatable(2)
                    .build());

            for (int i = 1; i <= 3; i++) {
                reactions.react(purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(10 - i))));
            }
            assertThat(progress.completions())
                    .as("the third purchase counts in the second cycle only")
                    .hasSize(1);
            for (int i = 4; i <= 8; i++) {
                reactions.react(purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(10 - i))));
            }

            assertThat(progress.completions()).extracting(c -> c.cycle()).containsExactly(0, 1);
            assertThat(entriesReferencing(marco.id(), twice.reference()))
                    .extracting(WalletEntry::points)
                    .containsExactly(50L, 50L);
            assertThat(activities.byEventId("mission-completed:" + twice.id() + ":" + marco.id() + ":2"))
                    .isPresent();
            assertThat(activities.byEventId("mission-completed:" + twice.id() + ":" + marco.id() + ":3"))
                    .isEmpty();
        }

        @Test
        void aSpendMissionSumsTheNetOfPurchases() {
            Customer marco = enrolled();
            Mission hundredEuros = stored(aMission().withGoal(spend(10_000)).build());

            reactions.react(purchase(marco, "p-1", 4_000, NOW.minus(DAY.multipliedBy(3))));
            reactions.react(purchase(marco, "p-2", 5_000, NOW.minus(DAY.multipliedBy(2))));
            reactions.react(
                    pushed(marco.id(), "nl-1", NEWSLETTER, NOW.minus(DAY.multipliedBy(2)), Map.of("net", 50_000L)));
            reactions.react(purchase(marco, "p-3", -700, NOW.minus(DAY.multipliedBy(2))));
            assertThat(progress.progress(hundredEuros.id(), marco.id(), 0, Instant.MIN, NOW))
                    .isEqualTo(9_000);
            assertThat(progress.completions()).isEmpty();

            reactions.react(purchase(marco, "p-4", 1_000, NOW.minus(DAY)));

            assertThat(progress.completions()).hasSize(1);
            assertThat(entriesReferencing(marco.id(), hundredEuros.reference())).hasSize(1);
        }
    }

    @Nested
    class Referrals {

        private final Actor console = Actor.admin("console");
        private final AtomicLong serials = new AtomicLong(5_000);
        private final ReferralService referralService = new ReferralService(referrals, clock);
        private final CustomerService customerService = new CustomerService(
                customers, serials::incrementAndGet, events::add, clock, wallets, serviceEvents, referralService);
        private final PurchaseService purchaseService = new PurchaseService(
                customers,
                coupons,
                templates,
                wallets,
                new InMemoryPurchases(),
                () -> EarningRulesHistory.of(List.of(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
                () -> Optional.of(POINTS_VALIDITY),
                new dev.loyalty.application.tier.TierFakes().movements(events::add),
                events::add,
                serviceEvents,
                clock);

        private Customer enrol(String referralCode) {
            return customerService.enrol(new EnrolCustomerCommand(
                    anEnrolment().withAPhone().withReferralCode(referralCode).build(), console));
        }

        private void buy(Customer customer, String receipt, long cents) {
            purchaseService.record(RecordPurchaseCommand.of(
                    "MI-001",
                    receipt,
                    clock.instant().minusSeconds(30),
                    customer.id(),
                    null,
                    SalesChannel.STORE,
                    List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(cents, "EUR"))),
                    List.of(),
                    Money.of(cents, "EUR"),
                    Actor.terminal("till-1", "MI-001")));
        }

        private String referralReference(Customer referred) {
            return "referral:" + referred.id();
        }

        @Test
        void anEnrolmentWithACodeIsPendingAndTheFirstPurchaseRewardsBothOnce() {
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code.toLowerCase(java.util.Locale.ROOT));
            assertThat(referrals.rows()).singleElement().satisfies(r -> {
                assertThat(r.referrer).isEqualTo(marco.id());
                assertThat(r.referred).isEqualTo(elena.id());
                assertThat(r.status).isEqualTo("PENDING");
            });

            buy(elena, "R-1", 2_500);
            job.drain(5);
            buy(elena, "R-2", 2_500);
            job.drain(5);

            assertThat(referrals.rows().get(0).status).isEqualTo("COMPLETED");
            assertThat(referrals.rows().get(0).completedAt).isEqualTo(NOW);
            assertThat(entriesReferencing(elena.id(), referralReference(elena)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.points()).isEqualTo(100);
                        assertThat(e.reason()).isEqualTo(Reactions.REFERRAL_REASON);
                    });
            assertThat(entriesReferencing(marco.id(), referralReference(elena)))
                    .extracting(WalletEntry::points)
                    .containsExactly(200L);
            assertThat(activities.byEventId("referral-completed:" + elena.id() + ":REFERRED"))
                    .hasValueSatisfying(a -> assertThat(a.customerId()).contains(elena.id()));
            assertThat(activities.byEventId("referral-completed:" + elena.id() + ":REFERRER"))
                    .hasValueSatisfying(a -> assertThat(a.customerId()).contains(marco.id()));
            assertThat(activities.due(NOW, 10)).as("everything reacted to").isEmpty();
        }

        @Test
        void aPurchaseBelowTheMinimumLeavesItPendingForALaterOne() {
            referrals.save(new ReferralProgramme(200, 100, 5_000, 10), NOW);
            Customer marco = enrol(null);
            Customer elena = enrol(referrals.codeOf(marco.id()).orElseThrow());

            buy(elena, "R-1", 4_999);
            job.drain(5);
            assertThat(referrals.rows().get(0).status).isEqualTo("PENDING");
            assertThat(entriesReferencing(marco.id(), referralReference(elena))).isEmpty();

            buy(elena, "R-2", 5_000);
            job.drain(5);

            assertThat(referrals.rows().get(0).status).isEqualTo("COMPLETED");
            assertThat(entriesReferencing(marco.id(), referralReference(elena))).hasSize(1);
        }

        @Test
        void theMonthlyCapRejectsAReferralBeyondIt() {
            referrals.save(new ReferralProgramme(200, 100, 0, 1), NOW);
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code);
            Customer anna = enrol(code);

            reactions.react(purchase(elena, "p-1", 1_000, NOW));
            reactions.react(purchase(anna, "p-2", 1_000, NOW));

            assertThat(referrals.rows()).extracting(r -> r.status).containsExactly("COMPLETED", "REJECTED");
            assertThat(referrals.rows().get(1).reason).contains("cap of 1");
            assertThat(entries(marco.id()))
                    .filteredOn(e -> e.reason().equals(Reactions.REFERRAL_REASON))
                    .hasSize(1);
            assertThat(entriesReferencing(anna.id(), referralReference(anna))).isEmpty();
        }

        @Test
        void aCompletionOlderThanTheCapWindowNoLongerCounts() {
            referrals.save(new ReferralProgramme(200, 100, 0, 1), NOW);
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code);
            Customer anna = enrol(code);

            clock.set(NOW.minus(ReferralService.CAP_WINDOW).minusSeconds(1));
            reactions.react(purchase(elena, "p-1", 1_000, clock.instant()));
            clock.set(NOW);
            reactions.react(purchase(anna, "p-2", 1_000, NOW));

            assertThat(referrals.rows()).extracting(r -> r.status).containsExactly("COMPLETED", "COMPLETED");
        }

        @Test
        void aCustomerWithoutAReferralEarnsNothingOfIt() {
            Customer marco = enrol(null);

            reactions.react(purchase(marco, "p-1", 1_000, NOW));

            assertThat(entries(marco.id())).isEmpty();
            assertThat(referrals.rows()).isEmpty();
        }
    }

    @Nested
    class TheJob {

        @Test
        void drainsEveryDueEventOnceAndTheReactionsOfTheirEffectsInTurn() {
            Customer marco = enrolled();
            Mission first = stored(aMission().withGoal(purchases(1, null)).build());
            Rule congratulate = stored(aRule().on(EventType.MISSION_COMPLETED).doing(HUNDRED_POINTS));
            purchase(marco, "p-1", 1_000, NOW.minus(DAY));
            newsletter(marco, "nl-1");

            int firstRound = job.drain(1);
            int secondRound = job.drain(1);
            int thirdRound = job.drain(1);

            assertThat(firstRound).isEqualTo(2);
            assertThat(secondRound)
                    .as("the mission's completion, recorded by the first round")
                    .isEqualTo(1);
            assertThat(thirdRound).isZero();
            assertThat(entriesReferencing(marco.id(), first.reference())).hasSize(1);
            assertThat(entriesReferencing(marco.id(), "rule:" + congratulate.id()))
                    .hasSize(1);
        }

        @Test
        void drainsInBatchesUpToTheNumberAskedFor() {
            Customer marco = enrolled();
            for (int i = 0; i <= ReactionJob.BATCH; i++) {
                newsletter(marco, "nl-" + i);
            }

            assertThat(job.drain(1)).isEqualTo(ReactionJob.BATCH);
            assertThat(job.drain(3)).isEqualTo(1);
        }

        @Test
        void aFailureIsRecordedRetriedWithBackoffAndParkedAfterTheLastAttempt() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER).doing(HUNDRED_POINTS));
            EventType broken = new EventType("BROKEN");
            failOn = broken;
            newsletter(marco, "nl-1");
            long failing = pushed(marco.id(), "broken-1", broken, NOW.minusSeconds(10), Map.of());
            newsletter(marco, "nl-2");

            int reacted = job.drain(1);

            assertThat(reacted).as("a failure does not stop the others").isEqualTo(2);
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(200));
            assertThat(row(failing).attempts).isEqualTo(1);
            assertThat(row(failing).error).isEqualTo("IllegalStateException: boom");
            assertThat(row(failing).dueAt).isEqualTo(NOW.plus(Reactions.backoff(1)));
            assertThat(job.drain(1)).as("not due again before its backoff").isZero();
            assertThat(row(failing).attempts).isEqualTo(1);

            for (int attempt = 2; attempt <= Reactions.MAX_ATTEMPTS; attempt++) {
                Instant retryAt = row(failing).dueAt;
                clock.set(retryAt);
                job.drain(1);
                assertThat(row(failing).attempts).isEqualTo(attempt);
                if (attempt < Reactions.MAX_ATTEMPTS) {
                    assertThat(row(failing).dueAt).isEqualTo(retryAt.plus(Reactions.backoff(attempt)));
                }
            }

            assertThat(row(failing).dueAt).as("parked").isNull();
            assertThat(activities.parked(10))
                    .containsExactly(new ActivityLog.ParkedActivity(
                            "broken-1",
                            "BROKEN",
                            marco.id().toString(),
                            Reactions.MAX_ATTEMPTS,
                            "IllegalStateException: boom"));
            clock.set(clock.instant().plus(Duration.ofDays(30)));
            assertThat(job.drain(1)).isZero();

            failOn = null;
            activities.retry("broken-1", clock.instant());
            assertThat(job.drain(1)).isEqualTo(1);
            assertThat(activities.parked(10)).isEmpty();
        }

        @Test
        void anEventThatFailedOnceAndThenSucceededIsNotParked() {
            Customer marco = enrolled();
            EventType broken = new EventType("BROKEN");
            failOn = broken;
            long failing = pushed(marco.id(), "broken-1", broken, NOW.minusSeconds(10), Map.of());
            job.drain(1);
            failOn = null;

            clock.set(NOW.plus(Reactions.backoff(1)));
            int reacted = job.drain(1);

            assertThat(reacted).isEqualTo(1);
            assertThat(row(failing).attempts).isEqualTo(1);
            assertThat(row(failing).dueAt).isNull();
            assertThat(activities.parked(10)).isEmpty();
        }

        @Test
        void theBackoffGrowsFourfoldFromFiveSecondsUpToAnHour() {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30))
                    .extracting(Reactions::backoff)
                    .containsExactly(
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(80),
                            Duration.ofSeconds(320),
                            Duration.ofSeconds(1_280),
                            Duration.ofHours(1),
                            Duration.ofHours(1),
                            Duration.ofHours(1),
                            Duration.ofHours(1));
        }

        @Test
        void aFailureOfAnEventNoLongerDueChangesNothing() {
            Customer marco = enrolled();
            long row = newsletter(marco, "nl-1");
            reactions.react(row);

            reactions.failed(row, "late");

            assertThat(row(row).attempts).isZero();
            assertThat(row(row).error).isNull();
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
