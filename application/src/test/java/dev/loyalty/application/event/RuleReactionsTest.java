package dev.loyalty.application.event;

import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static dev.loyalty.domain.rule.RuleFixtures.HUNDRED_POINTS;
import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static dev.loyalty.domain.rule.RuleFixtures.conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.RuleReactor;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules' reactor ({@link RuleReactor}) through the relay. */
class RuleReactionsTest extends ReactionsFixture {

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
                assertThat(entry.reason()).isEqualTo(RuleReactor.REASON);
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
    class ACampaignsRule {

        private Campaign campaign(int holdoutPercent) {
            Campaign campaign = Campaign.draft(
                    CampaignId.newId(),
                    CampaignDefinitionParser.parse(
                            """
                            {"name": "Newsletter push", "type": "CALENDAR", "holdoutPercent": %d,
                             "audience": {"condition": {"tier": "Gold"}}, "offer": {"points": 10}}"""
                                    .formatted(holdoutPercent)),
                    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                    NOW);
            storedCampaigns.put(campaign.id(), campaign);
            return campaign;
        }

        private Rule ofCampaign(Rule rule, Campaign campaign) {
            Rule linked = new Rule(
                    rule.id(),
                    rule.name(),
                    rule.on(),
                    rule.conditions(),
                    rule.actions(),
                    rule.status(),
                    rule.version(),
                    rule.sources(),
                    Optional.of(campaign.id()));
            rules.add(linked);
            return linked;
        }

        @Test
        void holdsOutItsControlGroupAndRecordsBothGroupsAsTheCampaignsMembers() {
            Campaign campaign = campaign(50);
            CouponTemplate newsletterCoupon = template(null, 30);
            Rule rule = ofCampaign(
                    aRule().on(NEWSLETTER)
                            .doing(new RuleAction.IssueCoupon(newsletterCoupon.id()))
                            .build(),
                    campaign);
            Customer treated = null;
            Customer heldOut = null;
            while (treated == null || heldOut == null) {
                Customer customer = enrolled();
                if (campaign.holdout().holdsOut(campaign.id(), customer.id())) {
                    heldOut = heldOut == null ? customer : heldOut;
                } else {
                    treated = treated == null ? customer : treated;
                }
            }
            long treatedRow = newsletter(treated, "nl-t");
            long heldOutRow = newsletter(heldOut, "nl-h");

            reactions.react(treatedRow);
            reactions.react(heldOutRow);

            Coupon coupon =
                    coupons.ofCustomer(treated.id()).stream().findFirst().orElseThrow();
            assertThat(coupons.ofCustomer(heldOut.id()))
                    .as("the control group gets nothing")
                    .isEmpty();
            assertThat(taggedCoupons).containsExactly(coupon.code().value() + "@" + campaign.id());
            Customer t = treated;
            Customer h = heldOut;
            assertThat(contacts).hasSize(2);
            assertThat(contacts).anySatisfy(c -> {
                assertThat(c.customer()).isEqualTo(t.id());
                assertThat(c.campaign()).isEqualTo(campaign.id());
                assertThat(c.treatment()).isTrue();
                assertThat(c.outcome()).isEqualTo("OFFERED");
                assertThat(c.couponCode()).contains(coupon.code().value());
                assertThat(c.occasion()).isEqualTo("rule:" + rule.id() + ":event:" + treatedRow);
                assertThat(c.contactedAt()).isEqualTo(NOW);
            });
            assertThat(contacts).anySatisfy(c -> {
                assertThat(c.customer()).isEqualTo(h.id());
                assertThat(c.treatment()).isFalse();
                assertThat(c.outcome()).isEqualTo("HELD_OUT");
                assertThat(c.couponCode()).isEmpty();
            });
            assertThat(evaluations.all())
                    .filteredOn(e -> e.customerId().equals(h.id()))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.SKIPPED);
                        assertThat(String.join(" ", e.reasons())).contains("control group");
                    });
        }

        @Test
        void aRuleOfNoCampaignRecordsNoMember() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER).doing(new RuleAction.AwardPoints(Points.of(5))));
            reactions.react(newsletter(marco, "nl-1"));
            assertThat(contacts).isEmpty();
        }
    }
}
