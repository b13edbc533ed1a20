package dev.loyalty.adapters.persistence.settings;

import dev.loyalty.application.shared.ProgrammeSettings;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** For CDI's proxy only. */
    protected ConfiguredProgramme() {
        this.pointsValidity = Optional.empty();
    }

    @Inject
    public ConfiguredProgramme(
            @ConfigProperty(name = "loyalty.points.validity-days", defaultValue = "365") int validityDays) {
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

    @Override
    public Optional<Duration> pointsValidity() {
        return pointsValidity;
    }
}
