package dev.loyalty.adapters.persistence.campaign.evaluation;

import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.campaign;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.coupon;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.customer;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.member;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.message;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.purchase;
import static dev.loyalty.adapters.persistence.campaign.evaluation.CampaignRows.redeemed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.campaign.evaluation.CampaignEvaluationService;
import dev.loyalty.application.campaign.evaluation.CampaignOutcomes;
import dev.loyalty.application.campaign.evaluation.EvaluationReport;
import dev.loyalty.application.campaign.evaluation.MemberOutcome;
import dev.loyalty.application.campaign.evaluation.MemberQuery;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.campaign.CampaignNotFoundException;
import dev.loyalty.domain.campaign.evaluation.CampaignEvaluation;
import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's SQL on MariaDB over rows written as a run writes them: the hand-computed table
 * of {@code CampaignEvaluationTest} (5 treated members spending 1000, 0, 2500, 0, 1500 cents in their
 * windows, 4 held out spending 0, 1200, 0, 0; 300 cents of discount and 500 points) rebuilt from
 * purchases around the window's edges, then a category campaign and the members' pages.
 */
class SqlCampaignOutcomesIT {

    private static final Instant CONTACT = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final Actor ADMIN = Actor.admin("evaluation-it");

    private static <T> T inService(Function<CampaignEvaluationService, T> work) {
        return TestDatabase.inTransaction(em -> work.apply(new CampaignEvaluationService(
                new SqlCampaignOutcomes(em), () -> 1000, Clock.fixed(NOW, ZoneOffset.UTC))));
    }

    @Test
    void theHandComputedTableFromPurchasesInAndAroundTheWindows() {
        String campaign = campaign(14);
        Instant end = CONTACT.plus(Duration.ofDays(14));
        // treatment: a (two purchases 600 + 400, one before the contact, one as the window closes)
        String a = customer();
        String aCoupon = coupon(campaign, a, "REDEEMED");
        member(
                campaign,
                a,
                "run-1",
                "TREATMENT",
                "OFFERED",
                CONTACT,
                aCoupon,
                0,
                message(a, "SMS", "SENT", null),
                null,
                null);
        String aFirst = purchase(a, CONTACT, 600, 0, "dairy");
        redeemed(aFirst, aCoupon, 300);
        purchase(a, end.minusNanos(1_000), 400, 0, "dairy");
        purchase(a, CONTACT.minusSeconds(1), 9_999, 0, "dairy");
        purchase(a, end, 9_999, 0, "dairy");
        // b: suppressed by the run (no consent), buys nothing
        String b = customer();
        member(campaign, b, "run-1", "TREATMENT", "SUPPRESSED", CONTACT, null, 0, null, "no-consent", null);
        // c: 3000 paid, 500 of it brought back; a coupon not used
        String c = customer();
        member(
                campaign,
                c,
                "run-1",
                "TREATMENT",
                "OFFERED",
                CONTACT,
                coupon(campaign, c, "ISSUED"),
                0,
                message(c, "SMS", "DELIVERED", null),
                null,
                null);
        purchase(c, CONTACT.plus(Duration.ofDays(3)), 3000, 500, "dairy");
        // d: offered, its message suppressed by the outbox (pressure), buys nothing
        String d = customer();
        member(
                campaign,
                d,
                "run-1",
                "TREATMENT",
                "OFFERED",
                CONTACT,
                null,
                0,
                message(d, "SMS", "SUPPRESSED", "pressure"),
                null,
                null);
        // e: 500 points by e-mail, buys 1500
        String e = customer();
        member(
                campaign,
                e,
                "run-1",
                "TREATMENT",
                "OFFERED",
                CONTACT,
                null,
                500,
                message(e, "EMAIL", "QUEUED", null),
                null,
                null);
        purchase(e, CONTACT.plus(Duration.ofDays(13)), 1500, 0, "bakery");
        // control: g buys 1200; f, h, i nothing in their windows (f before, h after)
        List<String> control = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String held = customer();
            control.add(held);
            member(campaign, held, "run-1", "CONTROL", "HELD_OUT", CONTACT, null, 0, null, null, null);
        }
        purchase(control.get(0), CONTACT.minus(Duration.ofDays(1)), 700, 0, "dairy");
        purchase(control.get(1), CONTACT.plus(Duration.ofDays(1)), 1200, 0, "dairy");
        purchase(control.get(2), end.plus(Duration.ofDays(1)), 800, 0, "dairy");

        assertHandComputed(campaign, end, a, c, e, control);
        // members recorded just now wait for the grace (history imported after them still counts)
        TestDatabase.inTransaction(em -> new SqlCampaignOutcomes(em).settle(NOW, Duration.ofHours(1), 1000));
        long early = TestDatabase.inTransaction(em -> ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ? AND outcome_settled = 1")
                        .setParameter(1, campaign)
                        .getSingleResult())
                .longValue());
        assertThat(early).isZero();
        // the outcomes written a few members at a time (the campaign part settled, part live, then
        // all settled): the same table at every step
        int settled;
        do {
            settled = TestDatabase.inTransaction(em -> new SqlCampaignOutcomes(em).settle(NOW, Duration.ZERO, 3));
            assertHandComputed(campaign, end, a, c, e, control);
        } while (settled > 0);
        long settledRows = TestDatabase.inTransaction(em -> ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ? AND outcome_settled = 1")
                        .setParameter(1, campaign)
                        .getSingleResult())
                .longValue());
        assertThat(settledRows).isEqualTo(9);
    }

    private static void assertHandComputed(
            String campaign, Instant end, String a, String c, String e, List<String> control) {
        EvaluationReport report = inService(s -> s.evaluate(UUID.fromString(campaign), ADMIN));

        assertThat(report.targeted()).isEqualTo(9);
        assertThat(report.treatment().figures())
                .as("revenue 1000 + 2500 + 1500; squares 1000² + 2500² + 1500²")
                .isEqualTo(new dev.loyalty.domain.campaign.evaluation.GroupFigures(
                        5, 3, 5000, BigInteger.valueOf(1_000_000L + 6_250_000L + 2_250_000L), 4));
        assertThat(report.control().figures())
                .isEqualTo(new dev.loyalty.domain.campaign.evaluation.GroupFigures(
                        4, 1, 1200, BigInteger.valueOf(1_440_000L), 1));
        assertThat(report.treatment().offered()).isEqualTo(4);
        assertThat(report.treatment().contacted()).isEqualTo(3);
        assertThat(report.treatment().contactedPerChannel()).isEqualTo(Map.of("SMS", 2L, "EMAIL", 1L));
        assertThat(report.treatment().suppressedByReason()).isEqualTo(Map.of("no-consent", 1L, "pressure", 1L));
        assertThat(report.treatment().couponsIssued()).isEqualTo(2);
        assertThat(report.treatment().couponsRedeemed()).isEqualTo(1);
        assertThat(report.control().contacted()).isZero();
        assertThat(report.control().couponsIssued()).isZero();

        CampaignEvaluation evaluation = report.evaluation();
        assertThat(evaluation.conversion().orElseThrow().difference()).isCloseTo(0.35, within(1e-12));
        assertThat(evaluation.conversion().orElseThrow().ci95().orElseThrow().low())
                .isCloseTo(-0.2537, within(0.00005));
        assertThat(evaluation.conversion().orElseThrow().ci95().orElseThrow().high())
                .isCloseTo(0.9537, within(0.00005));
        assertThat(evaluation.revenuePerCustomer().orElseThrow().difference()).isEqualTo(700.0);
        assertThat(evaluation
                        .revenuePerCustomer()
                        .orElseThrow()
                        .ci95()
                        .orElseThrow()
                        .low())
                .isCloseTo(-649.8943, within(0.00005));
        assertThat(evaluation
                        .revenuePerCustomer()
                        .orElseThrow()
                        .ci95()
                        .orElseThrow()
                        .high())
                .isCloseTo(2049.8943, within(0.00005));
        assertThat(evaluation.incrementalRevenue()).hasValue(3500L);
        assertThat(evaluation.cost().discounts()).isEqualTo(300);
        assertThat(evaluation.cost().pointsValue()).isEqualTo(500);
        assertThat(evaluation.returnOnCost().orElseThrow()).isCloseTo(3.375, within(1e-12));
        assertThat(report.windowClosesAt()).hasValue(end);
        assertThat(report.windowClosed()).isTrue();

        // the members' pages: two at a time, treatment responders only
        List<String> responders = new ArrayList<>(List.of(a, c, e));
        responders.sort(Comparator.naturalOrder());
        List<MemberOutcome> first = members(campaign, MemberGroup.TREATMENT, true, Optional.empty());
        List<MemberOutcome> second = members(
                campaign,
                MemberGroup.TREATMENT,
                true,
                Optional.of(new MemberQuery.Position(
                        first.get(1).customerId(), first.get(1).occasion())));
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(List.of(first.get(0), first.get(1), second.get(0)))
                .extracting(m -> m.customerId().toString())
                .containsExactlyElementsOf(responders);
        assertThat(second.get(0).responded()).isTrue();
        assertThat(second.get(0).contactedAt()).isEqualTo(CONTACT);
        List<MemberOutcome> quietControl = inService(s -> s.members(
                UUID.fromString(campaign),
                new MemberQuery(Optional.of(MemberGroup.CONTROL), Optional.of(false), Optional.empty(), 10),
                ADMIN));
        assertThat(quietControl)
                .extracting(m -> m.customerId().toString())
                .containsExactlyInAnyOrder(control.get(0), control.get(2), control.get(3));
        assertThat(quietControl).allMatch(m -> m.group() == MemberGroup.CONTROL && !m.responded());
    }

    @Test
    void aCategoryCampaignCountsOnlyPurchasesIncludingItAndACustomerOncePerOccasion() {
        String campaign = campaign(7);
        String twice = customer();
        Instant second = CONTACT.plus(Duration.ofDays(30));
        member(campaign, twice, "cycle-1", "TREATMENT", "OFFERED", CONTACT, null, 0, null, null, "ready-meals");
        member(campaign, twice, "cycle-2", "TREATMENT", "OFFERED", second, null, 0, null, null, "ready-meals");
        purchase(twice, CONTACT.plus(Duration.ofDays(1)), 2000, 0, "dairy");
        purchase(twice, second.plus(Duration.ofDays(2)), 1800, 0, "ready-meals");
        String held = customer();
        member(campaign, held, "cycle-1", "CONTROL", "HELD_OUT", CONTACT, null, 0, null, null, "ready-meals");
        purchase(held, CONTACT.plus(Duration.ofDays(1)), 900, 0, "dairy");

        assertCategoryCampaign(campaign, twice, second);
        while (TestDatabase.inTransaction(em -> new SqlCampaignOutcomes(em).settle(NOW, Duration.ZERO, 1000)) > 0) {
            // every window closed before NOW: all settled
        }
        assertCategoryCampaign(campaign, twice, second);
    }

    private static void assertCategoryCampaign(String campaign, String twice, Instant second) {
        EvaluationReport report = inService(s -> s.evaluate(UUID.fromString(campaign), ADMIN));

        assertThat(report.treatment().figures().customers())
                .as("one customer, two occasions")
                .isEqualTo(2);
        assertThat(report.treatment().figures().responders())
                .as("only the ready meals")
                .isEqualTo(1);
        assertThat(report.treatment().figures().revenue()).isEqualTo(1800);
        assertThat(report.control().figures().responders()).isZero();
        assertThat(report.evaluation().revenuePerCustomer().orElseThrow().ci95())
                .as("a control of one has no variance")
                .isEmpty();
        assertThat(report.evaluation().conversion().orElseThrow().difference()).isEqualTo(0.5);
        assertThat(report.windowClosesAt()).hasValue(second.plus(Duration.ofDays(7)));
        assertThat(report.evaluation().returnOnCost()).as("nothing spent").isEmpty();

        List<MemberOutcome> all = members(campaign, null, null, Optional.empty());
        assertThat(all).hasSize(3);
        assertThat(all.stream().filter(m -> m.customerId().toString().equals(twice)))
                .extracting(MemberOutcome::occasion, MemberOutcome::responded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cycle-1", false),
                        org.assertj.core.groups.Tuple.tuple("cycle-2", true));
    }

    @Test
    void theFirstAndLastContactsAreTheMembersOwnWhetherTheirOutcomesAreSettledOrNot() {
        String campaign = campaign(7);
        List<Instant> contacts = List.of(
                CONTACT.minus(Duration.ofDays(3)),
                CONTACT,
                CONTACT.plus(Duration.ofHours(5)),
                CONTACT.plus(Duration.ofDays(2)));
        for (Instant at : contacts) {
            member(campaign, customer(), "run-1", "TREATMENT", "OFFERED", at, null, 0, null, null, null);
        }
        int settled;
        int steps = 0;
        do {
            CampaignOutcomes.EvaluatedCampaign read = TestDatabase.inTransaction(em -> new SqlCampaignOutcomes(em)
                    .campaign(UUID.fromString(campaign))
                    .orElseThrow());
            assertThat(read.firstContact()).as("after %d settled", steps).contains(contacts.get(0));
            assertThat(read.lastContact()).as("after %d settled", steps).contains(contacts.get(3));
            settled = TestDatabase.inTransaction(em -> new SqlCampaignOutcomes(em).settle(NOW, Duration.ZERO, 1));
            steps += settled;
        } while (settled > 0 && steps < 10);
        assertThat(steps).as("every member settled, one at a time").isEqualTo(4);
    }

    @Test
    void aCampaignWithoutMembersHasNothingToCompareAndAnUnknownOneIsNotFound() {
        String campaign = campaign(14);

        EvaluationReport report = inService(s -> s.evaluate(UUID.fromString(campaign), ADMIN));

        assertThat(report.targeted()).isZero();
        assertThat(report.evaluation().conversion()).isEmpty();
        assertThat(report.evaluation().incrementalRevenue()).isEmpty();
        assertThat(report.windowClosesAt()).isEmpty();
        assertThat(report.windowClosed()).isFalse();
        assertThatThrownBy(() -> inService(s -> s.evaluate(UUID.randomUUID(), ADMIN)))
                .isInstanceOf(CampaignNotFoundException.class);
    }

    private static List<MemberOutcome> members(
            String campaign, MemberGroup group, Boolean responded, Optional<MemberQuery.Position> after) {
        return inService(s -> s.members(
                UUID.fromString(campaign),
                new MemberQuery(
                        Optional.ofNullable(group), Optional.ofNullable(responded), after, 2 + (group == null ? 8 : 0)),
                ADMIN));
    }
}
