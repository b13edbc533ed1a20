package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's view and change of the earning rules. A change is a new version taking effect now
 * or later, never earlier: a purchase is scored by the version in force when it occurred, so the
 * points already earned never change under a customer's feet (and a purchase recorded late is
 * still scored by the rules of its day).
 */
@ApplicationScoped
public class EarningRulesService implements EarningRulesUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "only an administrator reads and changes the earning rules";

    /** How far in the past "now" may be given, for a console whose clock is a little behind. */
    static final Duration TOLERANCE = Duration.ofMinutes(1);

    private final EarningRulesVersions versions;
    private final EarningRulesChanges changes;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected EarningRulesService() {
        this(null, null, null);
    }

    @Inject
    public EarningRulesService(EarningRulesVersions versions, EarningRulesChanges changes, Clock clock) {
        this.versions = versions;
        this.changes = changes;
        this.clock = clock;
    }

    /** @return every version, the one in force now included */
    @Override
    public EarningRulesHistory history(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return versions.history();
    }

    /** @return the version in force now */
    @Override
    public EarningRules current(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return versions.history().rulesAt(clock.instant());
    }

    /**
     * Adds a version.
     *
     * @param version the new rules; its {@code effectiveFrom} is now or later
     * @return the version stored
     * @throws InvalidValueException (field {@code effectiveFrom}) for a version taking effect in the past
     * @throws dev.loyalty.domain.earning.EarningRulesConflictException when one already takes effect then
     */
    @Override
    @Transactional
    public EarningRules schedule(EarningRules version, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        if (version.effectiveFrom().isBefore(clock.instant().minus(TOLERANCE))) {
            throw new InvalidValueException(
                    "effectiveFrom",
                    "a new version takes effect now or later: purchases already recorded keep their points");
        }
        versions.history().with(version);
        changes.add(version);
        return version;
    }

    /** @return when a version given without a date takes effect: now */
    @Override
    public Instant now() {
        return clock.instant();
    }
}
