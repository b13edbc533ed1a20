package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a type of campaign finds a run's targets, page by page by keyset: one small class per type
 * (CDI finds them all; {@link #handles} picks one). {@link #prepare} runs once per run, in its own
 * transaction (an audience is frozen there), {@link #page} once per page.
 */
public interface CampaignTargets {

    /** @return whether this source finds the targets of campaigns of that type */
    boolean handles(CampaignType type);

    /**
     * @param campaign the campaign
     * @param run the run being prepared
     * @param at the run's instant
     * @return the snapshot taken (if any) and how many targets there are (an estimate is allowed)
     */
    Prepared prepare(Campaign campaign, CampaignRun run, Instant at);

    /**
     * @param campaign the campaign
     * @param run the run (prepared)
     * @param after the cursor after the last target done ("" for the first page)
     * @param limit page size
     * @return the next targets, in cursor order
     */
    List<RunTarget> page(Campaign campaign, CampaignRun run, String after, int limit);

    /**
     * A run's preparation.
     *
     * @param snapshot the audience frozen for it, if one was
     * @param total the targets counted
     */
    record Prepared(Optional<UUID> snapshot, long total) {}
}
