package dev.loyalty.application.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.CampaignType;
import dev.loyalty.domain.campaign.Replenishment;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplenishmentRunTargetsTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** 23:30 UTC on 3 December is already 4 December in Rome. */
    private static final Instant SLOT = Instant.parse("2026-12-03T23:30:00Z");

    private final CustomerId elena = CustomerId.newId();
    private final List<String> asked = new ArrayList<>();
    private final ReplenishmentTargets port = new ReplenishmentTargets() {
        @Override
        public List<ReplenishmentTarget> due(
                Replenishment replenishment, LocalDate day, String afterCustomerId, int limit) {
            asked.add(replenishment.propose() + " " + day + " after '" + afterCustomerId + "' " + limit);
            return List.of(new ReplenishmentTarget(
                    elena,
                    "CREAM-50",
                    "face-cream",
                    Instant.parse("2026-11-04T10:00:00Z"),
                    replenishment.propose() == Replenishment.Proposal.SAME ? "face-cream" : "body-cream",
                    "CREAM-50@2026-11-04"));
        }

        @Override
        public long count(Replenishment replenishment, LocalDate day) {
            asked.add("count " + day);
            return 7;
        }
    };
    private final ReplenishmentRunTargets source = new ReplenishmentRunTargets(port, ROME);

    @Test
    void theSameProductIsTheOffersScopeAndEachCycleItsOccasionOnTheSlotsDayInTheProgrammesZone() {
        Campaign campaign = campaign("SAME");

        List<RunTarget> page = source.page(campaign, run(campaign), "", 200);

        assertThat(source.handles(CampaignType.REPLENISHMENT)).isTrue();
        assertThat(source.handles(CampaignType.CALENDAR)).isFalse();
        assertThat(asked).containsExactly("SAME 2026-12-04 after '' 200");
        assertThat(page)
                .containsExactly(new RunTarget(
                        elena, "CREAM-50@2026-11-04", Optional.of("CREAM-50"), Optional.empty(), elena.toString()));
    }

    @Test
    void crossSellIsAboutTheProposedCategory() {
        Campaign campaign = campaign("CROSS_SELL");

        List<RunTarget> page = source.page(campaign, run(campaign), elena.toString(), 50);

        assertThat(page).singleElement().satisfies(target -> {
            assertThat(target.scopeSku()).isEmpty();
            assertThat(target.scopeCategory()).contains("body-cream");
            assertThat(target.occasion()).isEqualTo("CREAM-50@2026-11-04");
        });
    }

    @Test
    void aRunsTotalIsTheTargetsDueOnItsDay() {
        Campaign campaign = campaign("SAME");

        CampaignTargets.Prepared prepared = source.prepare(campaign, run(campaign), SLOT);

        assertThat(prepared.total()).isEqualTo(7);
        assertThat(prepared.snapshot()).isEmpty();
        assertThat(asked).containsExactly("count 2026-12-04");
    }

    private static Campaign campaign(String propose) {
        return Campaign.draft(
                CampaignId.newId(),
                CampaignDefinitionParser.parse(
                        """
                        {"name": "Cream", "type": "REPLENISHMENT", "offer": {"points": 10},
                         "replenishment": {"skus": ["CREAM-50"], "leadDays": 15, "propose": "%s"}}"""
                                .formatted(propose)),
                KEY,
                SLOT);
    }

    private static CampaignRun run(Campaign campaign) {
        return new CampaignRun(
                UUID.randomUUID(),
                campaign.id(),
                SLOT,
                RunStatus.RUNNING,
                Optional.empty(),
                0,
                0,
                0,
                0,
                0,
                0,
                "",
                false,
                SLOT,
                Optional.empty(),
                Optional.empty());
    }
}
