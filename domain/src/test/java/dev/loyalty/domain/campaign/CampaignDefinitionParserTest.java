package dev.loyalty.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.segment.Condition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignDefinitionParserTest {

    private static final String SEGMENT = "0b7c7c1e-3c5e-4f0a-9d3e-111111111111";
    private static final String TEMPLATE = "0b7c7c1e-3c5e-4f0a-9d3e-222222222222";

    @Test
    void a_calendar_campaign_reads_every_field() {
        CampaignDefinition d = CampaignDefinitionParser.parse(
                """
                {"name": " Christmas ", "objective": "bring them back", "type": "CALENDAR",
                 "audience": {"segmentId": "%s"}, "holdoutPercent": 50, "offer": {"templateId": "%s"},
                 "message": {"channel": "sms", "template": "Merry Christmas {firstName}: {couponCode}", "priority": 5},
                 "schedule": {"at": "2026-12-20T09:00:00Z"}, "attributionDays": 10,
                 "budget": {"maxCoupons": 1000, "maxDiscountCents": 500000},
                 "activeFrom": "2026-12-01T00:00:00Z", "activeUntil": "2027-01-07T00:00:00Z"}"""
                        .formatted(SEGMENT, TEMPLATE));
        assertThat(d.name()).isEqualTo("Christmas");
        assertThat(d.objective()).contains("bring them back");
        assertThat(d.type()).isEqualTo(CampaignType.CALENDAR);
        assertThat(d.audience()).get().isInstanceOf(Audience.OfSegment.class);
        assertThat(d.holdoutPercent()).isEqualTo(50);
        assertThat(d.offer()).isInstanceOf(Offer.Coupon.class);
        assertThat(d.message()).get().satisfies(m -> {
            assertThat(m.channel()).contains(Channel.SMS);
            assertThat(m.priority()).isEqualTo(5);
        });
        assertThat(d.schedule()).isEqualTo(new Schedule.Once(Instant.parse("2026-12-20T09:00:00Z")));
        assertThat(d.attributionDays()).isEqualTo(10);
        assertThat(d.budget())
                .isEqualTo(new Budget(OptionalLong.of(1000), OptionalLong.empty(), OptionalLong.of(500000)));
        assertThat(d.activeAt(Instant.parse("2026-12-20T09:00:00Z"))).isTrue();
        assertThat(d.activeAt(Instant.parse("2027-01-07T00:00:00Z"))).isFalse();
    }

    @Test
    void defaults_are_a_ten_percent_holdout_fourteen_days_and_run_now_only() {
        CampaignDefinition d = CampaignDefinitionParser.parse(
                """
                {"name": "Points", "type": "CALENDAR", "audience": {"condition": {"tier": "Gold"}},
                 "offer": {"points": 100}}""");
        assertThat(d.holdoutPercent()).isEqualTo(10);
        assertThat(d.attributionDays()).isEqualTo(14);
        assertThat(d.schedule()).isEqualTo(new Schedule.Manual());
        assertThat(d.audience()).contains(new Audience.OfCondition(new Condition.InTier("Gold")));
        assertThat(d.budget()).isEqualTo(Budget.unlimited());
    }

    @Test
    void a_personal_offer_reads_its_figures() {
        CampaignDefinition d = CampaignDefinitionParser.parse(
                """
                {"name": "Elena", "type": "PERSONAL_OFFER", "audience": {"segmentId": "%s"},
                 "offer": {"templateId": "%s", "personal": {"valuePercentOfAverageBasket": 20,
                   "minSpendMultipleOfAverageBasket": 2, "roundTo": 500, "min": 500, "max": 2000,
                   "category": "ready-meals"}},
                 "schedule": {"daily": "08:30"}}"""
                        .formatted(SEGMENT, TEMPLATE));
        Offer.Personal offer = (Offer.Personal) d.offer();
        assertThat(offer.figures().valuePercent()).contains(new BigDecimal("20"));
        assertThat(offer.figures().category()).contains("ready-meals");
        assertThat(d.schedule()).isEqualTo(new Schedule.Daily(LocalTime.of(8, 30)));
    }

    @Test
    void replenishment_and_follow_up_have_their_own_parts() {
        CampaignDefinition r = CampaignDefinitionParser.parse(
                """
                {"name": "Cream", "type": "REPLENISHMENT", "offer": {"templateId": "%s"},
                 "replenishment": {"skus": ["CREAM-45"], "leadDays": 15, "propose": "CROSS_SELL"},
                 "schedule": {"daily": "07:00"}}"""
                        .formatted(TEMPLATE));
        assertThat(r.replenishment())
                .contains(new Replenishment(
                        java.util.List.of("CREAM-45"), java.util.List.of(), 15, Replenishment.Proposal.CROSS_SELL));
        CampaignDefinition f = CampaignDefinitionParser.parse(
                """
                {"name": "Again", "type": "FOLLOW_UP", "message": {"template": "We miss you"},
                 "followUp": {"campaignId": "%s", "group": "NON_RESPONDERS"}}"""
                        .formatted(SEGMENT));
        assertThat(f.followUp()).get().extracting(FollowUp::group).isEqualTo(FollowUp.Group.NON_RESPONDERS);
        assertThat(f.offer()).isEqualTo(new Offer.None());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"CALENDAR\"}|$.name",
                "{\"name\": \"x\", \"type\": \"WEEKLY\"}|$.type",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"offer\": {\"points\": 1}}|$.audience",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"condition\": {\"all\": [{\"tier\": 3}]}}, \"offer\": {\"points\": 1}}|$.audience.condition.all[0].tier",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"nope\"}, \"offer\": {\"points\": 1}}|$.audience.segmentId",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"holdoutPercent\": 51}|$.holdoutPercent",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1.5}}|$.offer.points",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"schedule\": {\"cron\": \"0 9 30 2 *\"}}|$.schedule.cron",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"schedule\": {\"daily\": \"25:00\"}}|$.schedule.daily",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"budget\": {\"maxCoupons\": -1}}|$.budget.maxCoupons",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"colour\": 1}|$.colour",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT + "\"}}|$.offer",
                "{\"name\": \"x\", \"type\": \"PERSONAL_OFFER\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"templateId\": \"" + TEMPLATE
                        + "\", \"personal\": {\"valueCents\": 500, \"roundTo\": 0}}}|$.offer.personal.roundTo",
                "{\"name\": \"x\", \"type\": \"PERSONAL_OFFER\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"templateId\": \"" + TEMPLATE
                        + "\", \"personal\": {\"roundTo\": 5}}}|$.offer.personal",
                "{\"name\": \"x\", \"type\": \"REPLENISHMENT\", \"offer\": {\"points\": 1}}|$.replenishment",
                "{\"name\": \"x\", \"type\": \"REPLENISHMENT\", \"offer\": {\"points\": 1}, \"replenishment\": {\"skus\": [], \"leadDays\": 3}}|$.replenishment",
                "{\"name\": \"x\", \"type\": \"FOLLOW_UP\", \"offer\": {\"points\": 1}, \"followUp\": {\"campaignId\": \""
                        + SEGMENT + "\", \"group\": \"ALL\"}}|$.followUp.group",
                "{\"name\": \"x\", \"type\": \"FOLLOW_UP\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}}|$.audience",
                "{\"name\": \"x\", \"type\": \"CALENDAR\", \"audience\": {\"segmentId\": \"" + SEGMENT
                        + "\"}, \"offer\": {\"points\": 1}, \"activeFrom\": \"2026-02-01T00:00:00Z\", \"activeUntil\": \"2026-01-01T00:00:00Z\"}|$.activeUntil",
                "[1, 2]|$",
                "{\"name\": |$.name",
            })
    void a_bad_node_is_refused_with_its_path(String json, String path) {
        assertThatThrownBy(() -> CampaignDefinitionParser.parse(json))
                .isInstanceOfSatisfying(CampaignInvalidException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.code()).isEqualTo("campaign-invalid");
                });
    }

    @Test
    void blank_is_refused() {
        assertThatThrownBy(() -> CampaignDefinitionParser.parse(" "))
                .isInstanceOf(CampaignInvalidException.class)
                .hasMessageContaining("required");
        assertThat(Optional.empty()).isEmpty();
    }

    @Test
    void a_cron_schedule_is_read_and_a_bad_one_is_refused_at_its_path() {
        String definition =
                """
                {"name": "Weekdays", "type": "CALENDAR", "audience": {"segmentId": "%s"}, "offer": {"points": 10},
                 "schedule": {"cron": "%s"}}""";
        CampaignDefinition d = CampaignDefinitionParser.parse(definition.formatted(SEGMENT, "30 8 * * mon-fri"));
        assertThat(d.schedule()).isEqualTo(new Schedule.Cron(CronExpression.parse("30 8 * * MON-FRI")));
        assertThatThrownBy(() -> CampaignDefinitionParser.parse(definition.formatted(SEGMENT, "0 25 * * *")))
                .isInstanceOfSatisfying(CampaignInvalidException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.schedule.cron");
                    assertThat(e.getMessage()).contains("between 0 and 23");
                });
    }
}
