package dev.loyalty.adapters.persistence.campaign.evaluation;

import dev.loyalty.application.campaign.evaluation.PointsValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The points' value from {@code loyalty.points.value-cents-per-thousand}
 * ({@code LOYALTY_POINTS_VALUE_CENTS_PER_THOUSAND}, default 1000: a point is a cent), the setting the
 * dashboard values the liability with.
 */
@ApplicationScoped
public class ConfiguredPointsValue implements PointsValue {

    private long centsPerThousand;

    /** For CDI's proxy only. */
    protected ConfiguredPointsValue() {}

    @Inject
    public ConfiguredPointsValue(
            @ConfigProperty(name = "loyalty.points.value-cents-per-thousand", defaultValue = "1000")
                    long centsPerThousand) {
        if (centsPerThousand < 0) {
            throw new IllegalArgumentException(
                    "LOYALTY_POINTS_VALUE_CENTS_PER_THOUSAND is not negative, got " + centsPerThousand);
        }
        this.centsPerThousand = centsPerThousand;
    }

    @Override
    public long centsPerThousand() {
        return centsPerThousand;
    }
}
