package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One execution of a campaign (a scheduled slot or a "run now"), with its progress.
 *
 * @param id the run
 * @param campaign its campaign
 * @param scheduledFor its slot (unique per campaign: a slot runs once cluster-wide)
 * @param status where it is
 * @param snapshot the audience's snapshot, once taken
 * @param total targets counted when it was prepared
 * @param processed targets done
 * @param offered treatment members offered
 * @param heldOut control members
 * @param suppressed treatment members the outbox could not reach
 * @param overBudget treatment members past a budget
 * @param cursor the last target done (keyset), "" before the first
 * @param prepared whether its targets were counted (and the audience frozen)
 * @param startedAt when it was created
 * @param finishedAt when it ended
 * @param error why it failed
 */
public record CampaignRun(
        UUID id,
        CampaignId campaign,
        Instant scheduledFor,
        RunStatus status,
        Optional<UUID> snapshot,
        long total,
        long processed,
        long offered,
        long heldOut,
        long suppressed,
        long overBudget,
        String cursor,
        boolean prepared,
        Instant startedAt,
        Optional<Instant> finishedAt,
        Optional<String> error) {

    /** @return the share done, 0 to 100 (100 once completed) */
    public int percent() {
        if (status == RunStatus.COMPLETED) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, processed * 100 / total);
    }

    /** @return the seconds left at the pace so far, while running and once something was done */
    public OptionalLong etaSeconds(Instant now) {
        if (status != RunStatus.RUNNING || processed == 0 || total <= processed) {
            return status == RunStatus.RUNNING && total > 0 && processed >= total
                    ? OptionalLong.of(0)
                    : OptionalLong.empty();
        }
        long elapsed = Math.max(1, Duration.between(startedAt, now).toMillis());
        return OptionalLong.of(elapsed * (total - processed) / processed / 1000);
    }
}
