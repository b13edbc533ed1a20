package dev.loyalty.adapters.persistence.settings;

import dev.loyalty.application.shared.ProgrammeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The programme settings from MicroProfile Config: {@code loyalty.points.validity-days}
 * (environment {@code LOYALTY_POINTS_VALIDITY_DAYS}), default 365; 0 means points never expire; a
 * validity shorter than {@link ProgrammeSettings#MIN_POINTS_VALIDITY} is raised to it, with a
 * warning, since purchases may be recorded up to 30 days late.
 */
@ApplicationScoped
public class ConfiguredProgramme implements ProgrammeSettings {

    private static final Logger LOG = Logger.getLogger(ConfiguredProgramme.class.getName());

    private final Optional<Duration> pointsValidity;
    private final Duration offlineMaxAge;
    private final Duration pendingHold;

    /** For CDI's proxy only. */
    protected ConfiguredProgramme() {
        this.pointsValidity = Optional.empty();
        this.offlineMaxAge = DEFAULT_OFFLINE_MAX_AGE;
        this.pendingHold = DEFAULT_PENDING_HOLD;
    }

    /** Points validity only; offline purchases by default. */
    public ConfiguredProgramme(int validityDays) {
        this(validityDays, (int) DEFAULT_OFFLINE_MAX_AGE.toDays());
    }

    /** Points validity and offline age; the pending hold by default. */
    public ConfiguredProgramme(int validityDays, int offlineMaxAgeDays) {
        this(validityDays, offlineMaxAgeDays, (int) DEFAULT_PENDING_HOLD.toDays());
    }

    @Inject
    public ConfiguredProgramme(
            @ConfigProperty(name = "loyalty.points.validity-days", defaultValue = "365") int validityDays,
            @ConfigProperty(name = "loyalty.offline.max-age-days", defaultValue = "7") int offlineMaxAgeDays,
            @ConfigProperty(name = "loyalty.pending-days", defaultValue = "0") int pendingDays) {
        if (pendingDays < 0 || pendingDays > MAX_PENDING_HOLD.toDays()) {
            throw new IllegalArgumentException("LOYALTY_PENDING_DAYS (loyalty.pending-days) must be 0 to "
                    + MAX_PENDING_HOLD.toDays() + " days, got: " + pendingDays);
        }
        this.pendingHold = Duration.ofDays(pendingDays);
        if (offlineMaxAgeDays < 1 || offlineMaxAgeDays > 30) {
            throw new IllegalArgumentException(
                    "LOYALTY_OFFLINE_MAX_AGE_DAYS (loyalty.offline.max-age-days) must be 1 to 30 days, got: "
                            + offlineMaxAgeDays);
        }
        this.offlineMaxAge = Duration.ofDays(offlineMaxAgeDays);
        if (validityDays <= 0) {
            this.pointsValidity = Optional.empty();
        } else if (Duration.ofDays(validityDays).compareTo(MIN_POINTS_VALIDITY) < 0) {
            LOG.warning("loyalty.points.validity-days=" + validityDays + " is shorter than the "
                    + MIN_POINTS_VALIDITY.toDays() + " days a purchase may be late; using "
                    + MIN_POINTS_VALIDITY.toDays());
            this.pointsValidity = Optional.of(MIN_POINTS_VALIDITY);
        } else {
            this.pointsValidity = Optional.of(Duration.ofDays(validityDays));
        }
    }

    /** Reads the settings as the application starts, so that an invalid one fails the deployment. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        offlineMaxAge();
    }

    @Override
    public Duration pendingHold() {
        return pendingHold;
    }

    @Override
    public Duration offlineMaxAge() {
        return offlineMaxAge;
    }

    @Override
    public Optional<Duration> pointsValidity() {
        return pointsValidity;
    }
}
