package dev.loyalty.domain.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign: its definition, its status and its holdout key. Only a draft's definition changes;
 * the console's {@link CampaignTransition}s take a draft (or a paused campaign) to SCHEDULED, a
 * scheduled or running one to PAUSED, anything not over to CANCELLED; its runs take it on from
 * SCHEDULED to RUNNING (when one starts) and to COMPLETED ({@link #completedAt}). Runs start only
 * while it is SCHEDULED or RUNNING and within its active dates.
 */
public final class Campaign {

    private final CampaignId id;
    private final CampaignDefinition definition;
    private final CampaignStatus status;
    private final String holdoutKey;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Optional<Instant> launchedAt;
    private final Optional<Instant> nextRunAt;

    private Campaign(
            CampaignId id,
            CampaignDefinition definition,
            CampaignStatus status,
            String holdoutKey,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> launchedAt,
            Optional<Instant> nextRunAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.status = Objects.requireNonNull(status, "status");
        this.holdoutKey = Objects.requireNonNull(holdoutKey, "holdoutKey");
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.launchedAt = Objects.requireNonNull(launchedAt, "launchedAt");
        this.nextRunAt = Objects.requireNonNull(nextRunAt, "nextRunAt");
        new Holdout(holdoutKey, definition.holdoutPercent());
    }

    /** A new draft, version 1. */
    public static Campaign draft(CampaignId id, CampaignDefinition definition, String holdoutKey, Instant now) {
        return new Campaign(
                id, definition, CampaignStatus.DRAFT, holdoutKey, 1, now, now, Optional.empty(), Optional.empty());
    }

    /** A campaign as stored. */
    public static Campaign reconstitute(
            CampaignId id,
            CampaignDefinition definition,
            CampaignStatus status,
            String holdoutKey,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> launchedAt,
            Optional<Instant> nextRunAt) {
        return new Campaign(id, definition, status, holdoutKey, version, createdAt, updatedAt, launchedAt, nextRunAt);
    }

    /**
     * @return the draft with a new definition, the next version
     * @throws CampaignStateConflictException unless it is a draft
     */
    public Campaign change(CampaignDefinition newDefinition, Instant now) {
        if (status != CampaignStatus.DRAFT) {
            throw new CampaignStateConflictException("only a draft changes; this campaign is " + status);
        }
        return new Campaign(id, newDefinition, status, holdoutKey, version + 1, createdAt, now, launchedAt, nextRunAt);
    }

    /**
     * Applies what the console asked.
     *
     * @param transition launch, pause or cancel
     * @param firstSlot for a launch: the first scheduled slot from now, if its schedule has one
     * @param now the instant
     * @return the campaign in its new status, one version on
     * @throws CampaignStateConflictException when its status does not allow it
     */
    public Campaign apply(CampaignTransition transition, Optional<Instant> firstSlot, Instant now) {
        return switch (transition) {
            case LAUNCH -> launch(firstSlot, now);
            case PAUSE -> pause(now);
            case CANCEL -> cancel(now);
        };
    }

    /**
     * Whether the campaign is over at {@code now}: its end date ({@code activeUntil}) has passed, or
     * its schedule has no slot left ({@link #nextRunAt()} empty) and a run of it ended. A campaign
     * without a schedule (run only from the console) has no last slot: it ends with its end date or
     * a cancel. The caller also knows that no run of it is in progress.
     *
     * @param now the instant
     * @param aRunEnded whether a run of it has ended (completed or failed)
     * @return whether it is over (it goes COMPLETED); never while it is a draft, paused or over
     */
    public boolean completedAt(Instant now, boolean aRunEnded) {
        if (!status.runnable()) {
            return false;
        }
        if (definition.activeUntil().map(until -> !now.isBefore(until)).orElse(false)) {
            return true;
        }
        return !(definition.schedule() instanceof Schedule.Manual) && nextRunAt.isEmpty() && aRunEnded;
    }

    /**
     * DRAFT or PAUSED -> SCHEDULED, the next slot of its schedule due.
     *
     * @param firstSlot the first scheduled slot from now, if its schedule has one
     * @throws CampaignStateConflictException from any other status
     */
    public Campaign launch(Optional<Instant> firstSlot, Instant now) {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.PAUSED) {
            throw new CampaignStateConflictException(
                    "only a draft or a paused campaign is launched; this one is " + status);
        }
        return new Campaign(
                id,
                definition,
                CampaignStatus.SCHEDULED,
                holdoutKey,
                version + 1,
                createdAt,
                now,
                launchedAt.or(() -> Optional.of(now)),
                firstSlot);
    }

    /**
     * SCHEDULED or RUNNING -> PAUSED (no run starts; a run in progress stops at its next page).
     *
     * @throws CampaignStateConflictException from any other status
     */
    public Campaign pause(Instant now) {
        if (!status.runnable()) {
            throw new CampaignStateConflictException(
                    "only a scheduled or running campaign is paused; this one is " + status);
        }
        return new Campaign(
                id, definition, CampaignStatus.PAUSED, holdoutKey, version + 1, createdAt, now, launchedAt, nextRunAt);
    }

    /**
     * Anything not over -> CANCELLED.
     *
     * @throws CampaignStateConflictException when it is COMPLETED or CANCELLED already
     */
    public Campaign cancel(Instant now) {
        if (status.over()) {
            throw new CampaignStateConflictException("this campaign is " + status + " already");
        }
        return new Campaign(
                id,
                definition,
                CampaignStatus.CANCELLED,
                holdoutKey,
                version + 1,
                createdAt,
                now,
                launchedAt,
                Optional.empty());
    }

    /**
     * @throws CampaignStateConflictException unless a run may start now (launched, not paused, within its dates)
     */
    public void requireRunnable(Instant now) {
        if (!status.runnable()) {
            throw new CampaignStateConflictException(
                    "a campaign runs once launched (and not paused); this one is " + status);
        }
        if (!definition.activeAt(now)) {
            throw new CampaignStateConflictException("the campaign is not active now (activeFrom/activeUntil)");
        }
    }

    /** @return the holdout of this campaign */
    public Holdout holdout() {
        return new Holdout(holdoutKey, definition.holdoutPercent());
    }

    public CampaignId id() {
        return id;
    }

    public CampaignDefinition definition() {
        return definition;
    }

    public CampaignStatus status() {
        return status;
    }

    public String holdoutKey() {
        return holdoutKey;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> launchedAt() {
        return launchedAt;
    }

    /** @return the next scheduled slot, if any */
    public Optional<Instant> nextRunAt() {
        return nextRunAt;
    }
}
