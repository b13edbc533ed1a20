package dev.loyalty.domain.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's standing in the tier programme: the tier's name, since when, when it is next
 * reviewed, and until when an administrator holds it. A customer never placed is in the
 * programme's first tier ({@link #starting}, not stored yet: version 0). The name is kept as
 * stored: when a changed programme no longer has it, the customer's tier is the one the
 * qualifying metric reaches ({@link #effectiveTier}) until the next purchase or review places
 * them. Changes come from {@link TierMovement}s and administrators and return the
 * {@link TierChanged} to publish; the stored version guards concurrent writers.
 */
public final class CustomerTier {

    private final CustomerId customerId;
    private final long version;
    private String tierName;
    private Instant since;
    private Instant reviewAt;
    private Instant heldUntil;

    private CustomerTier(
            CustomerId customerId, String tierName, Instant since, Instant reviewAt, Instant heldUntil, long version) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.tierName = Objects.requireNonNull(tierName, "tierName");
        this.since = since;
        this.reviewAt = reviewAt;
        this.heldUntil = heldUntil;
        if (version < 0) {
            throw new IllegalArgumentException("a version is not negative");
        }
        this.version = version;
    }

    /**
     * @param customerId a customer never placed in the programme
     * @param programme the programme
     * @return the customer in the first tier, not stored yet
     */
    public static CustomerTier starting(CustomerId customerId, TierProgramme programme) {
        return new CustomerTier(customerId, programme.base().name(), null, null, null, 0);
    }

    /**
     * Rebuilds a stored standing.
     *
     * @param customerId the customer
     * @param tierName the tier's name as stored
     * @param since when the customer reached it (or was placed in it)
     * @param reviewAt when it is reviewed, or {@code null} (the first tier is never reviewed)
     * @param heldUntil until when an administrator holds it, or {@code null}
     * @param version the stored version, 1 or more
     * @return the standing
     */
    public static CustomerTier reconstitute(
            CustomerId customerId, String tierName, Instant since, Instant reviewAt, Instant heldUntil, long version) {
        return new CustomerTier(customerId, tierName, since, reviewAt, heldUntil, version);
    }

    /**
     * @param programme the programme in force
     * @return the customer's tier in it, empty when the programme no longer has a tier of that name
     */
    public Optional<Tier> tierIn(TierProgramme programme) {
        return programme.tierNamed(tierName);
    }

    /**
     * @param programme the programme in force
     * @param qualifying the customer's qualifying amount now
     * @return the tier in force: the stored one, or when the programme no longer has it, the tier
     *     the qualifying amount reaches
     */
    public Tier effectiveTier(TierProgramme programme, long qualifying) {
        return tierIn(programme).orElseGet(() -> programme.reachedBy(qualifying));
    }

    /** @return whether an administrator holds the tier at {@code at}: no automatic move until then */
    public boolean isHeldAt(Instant at) {
        return heldUntil != null && heldUntil.isAfter(at);
    }

    /** @return whether the tier's review date has come at {@code at} */
    public boolean isDueAt(Instant at) {
        return reviewAt != null && !reviewAt.isAfter(at);
    }

    /**
     * Applies a decision of the {@link TierMovementPolicy}. A change starts the new tier at
     * {@code at}, to be reviewed a review period later (the first tier never is) and ends any hold;
     * a renewal moves the review date to a review period after {@code at}.
     *
     * @param programme the programme the decision was taken in
     * @param movement the decision
     * @param at when it takes effect
     * @return the event of a change; empty for a renewal or no change
     */
    public Optional<TierChanged> apply(TierProgramme programme, TierMovement movement, Instant at) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(movement, "movement");
        if (movement instanceof TierMovement.Renew) {
            reviewAt = programme.reviewAfter(at);
            return Optional.empty();
        }
        if (!(movement instanceof TierMovement.Change change)) {
            return Optional.empty();
        }
        Tier to = change.to();
        String from = displayName(programme);
        tierName = to.name();
        since = at;
        reviewAt = programme.rank(to) == 0 ? null : programme.reviewAfter(at);
        heldUntil = null;
        return Optional.of(new TierChanged(customerId, from, to.name(), change.cause(), at));
    }

    /**
     * An administrator sets the tier. With {@code until}, the tier is held exactly until then (no
     * automatic move either way) and reviewed then; without, it is reviewed a review period later
     * and moves up as usual when a threshold is crossed.
     *
     * @param programme the programme in force
     * @param to the tier to set
     * @param until until when it is held, or {@code null}; after {@code now}
     * @param now when
     * @return the event, empty when the tier stays the same (only its hold or review date change)
     * @throws InvalidValueException (field {@code until}) when {@code until} is not after {@code now}
     */
    public Optional<TierChanged> override(TierProgramme programme, Tier to, Instant until, Instant now) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        if (until != null && !until.isAfter(now)) {
            throw new InvalidValueException("until", "until must be in the future");
        }
        String from = displayName(programme);
        boolean changes = !to.isNamed(tierName);
        tierName = to.name();
        since = changes || since == null ? now : since;
        heldUntil = until;
        if (programme.rank(to) == 0) {
            reviewAt = null;
        } else {
            reviewAt = until != null ? until : programme.reviewAfter(now);
        }
        return changes
                ? Optional.of(new TierChanged(customerId, from, to.name(), TierChangeCause.ADMIN, now))
                : Optional.empty();
    }

    private String displayName(TierProgramme programme) {
        return tierIn(programme).map(Tier::name).orElse(tierName);
    }

    public CustomerId customerId() {
        return customerId;
    }

    /** @return the tier's name as stored (see {@link #tierIn} for the tier itself) */
    public String tierName() {
        return tierName;
    }

    /** @return when the customer reached or was placed in the tier; empty for a customer never placed */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    /** @return when the tier is reviewed; empty for the first tier */
    public Optional<Instant> reviewAt() {
        return Optional.ofNullable(reviewAt);
    }

    /** @return until when an administrator holds the tier, if they did */
    public Optional<Instant> heldUntil() {
        return Optional.ofNullable(heldUntil);
    }

    /** @return the stored version; 0 when never stored */
    public long version() {
        return version;
    }

    /** @return whether the standing was never stored */
    public boolean isNew() {
        return version == 0;
    }
}
