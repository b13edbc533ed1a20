package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignType;
import dev.loyalty.domain.campaign.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The targets of FOLLOW_UP runs: the earlier campaign's treatment members that were offered and
 * whose attribution window (the earlier campaign's) closed before the run's instant, that responded
 * (a purchase in {@code [contactedAt, contactedAt + attributionDays)}) or not; the occasion is the
 * run. Who is a target is judged at each page against the run's start, so a page read twice reads
 * the same.
 */
@ApplicationScoped
public class FollowUpTargets implements CampaignTargets {

    private final CampaignMembers members;
    private final Campaigns campaigns;

    /** For CDI's proxy only. */
    protected FollowUpTargets() {
        this(null, null);
    }

    @Inject
    public FollowUpTargets(CampaignMembers members, Campaigns campaigns) {
        this.members = members;
        this.campaigns = campaigns;
    }

    @Override
    public boolean handles(CampaignType type) {
        return type == CampaignType.FOLLOW_UP;
    }

    @Override
    public Prepared prepare(Campaign campaign, CampaignRun run, Instant at) {
        FollowUp followUp = campaign.definition().followUp().orElseThrow();
        return new Prepared(
                Optional.empty(),
                members.countFollowUpTargets(
                        followUp.campaign(), followUp.group(), attributionDays(followUp), run.startedAt()));
    }

    @Override
    public List<RunTarget> page(Campaign campaign, CampaignRun run, String after, int limit) {
        FollowUp followUp = campaign.definition().followUp().orElseThrow();
        String occasion = run.id().toString();
        return members
                .followUpTargets(
                        followUp.campaign(), followUp.group(), attributionDays(followUp), run.startedAt(), after, limit)
                .stream()
                .map(customer ->
                        new RunTarget(customer, occasion, Optional.empty(), Optional.empty(), customer.toString()))
                .toList();
    }

    private int attributionDays(FollowUp followUp) {
        return campaigns
                .byId(followUp.campaign())
                .map(earlier -> earlier.definition().attributionDays())
                .orElseThrow(
                        () -> new IllegalStateException("the earlier campaign " + followUp.campaign() + " is gone"));
    }
}
