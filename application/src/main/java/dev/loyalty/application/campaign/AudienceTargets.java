package dev.loyalty.application.campaign;

import dev.loyalty.application.segment.SegmentMembership;
import dev.loyalty.domain.campaign.Audience;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The targets of CALENDAR and PERSONAL_OFFER runs: the audience frozen at the run's instant (a
 * snapshot of the saved segment, or of the campaign's own condition), page by page by customer id;
 * the occasion is the run.
 */
@ApplicationScoped
public class AudienceTargets implements CampaignTargets {

    private final SegmentMembership segments;

    /** For CDI's proxy only. */
    protected AudienceTargets() {
        this(null);
    }

    @Inject
    public AudienceTargets(SegmentMembership segments) {
        this.segments = segments;
    }

    @Override
    public boolean handles(CampaignType type) {
        return type == CampaignType.CALENDAR || type == CampaignType.PERSONAL_OFFER;
    }

    @Override
    public Prepared prepare(Campaign campaign, CampaignRun run, Instant at) {
        Audience audience = campaign.definition()
                .audience()
                .orElseThrow(() ->
                        new IllegalStateException("a " + campaign.definition().type() + " campaign has an audience"));
        SegmentMembership.Frozen frozen = audience instanceof Audience.OfSegment of
                ? segments.freeze(of.segment())
                : segments.freeze(((Audience.OfCondition) audience).condition());
        return new Prepared(Optional.of(frozen.snapshotId()), frozen.members());
    }

    @Override
    public List<RunTarget> page(Campaign campaign, CampaignRun run, String after, int limit) {
        String occasion = run.id().toString();
        return segments.frozenMembers(run.snapshot().orElseThrow(), after, limit).stream()
                .map(member -> new RunTarget(
                        member.customerId(),
                        occasion,
                        Optional.empty(),
                        Optional.empty(),
                        member.customerId().toString()))
                .toList();
    }
}
