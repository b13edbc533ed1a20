package dev.loyalty.domain.segment;

import java.util.Optional;

/**
 * A customer metric a condition may compare, with the name the language gives it and the number of
 * decimals a value may have (a value is kept in the metric's stored unit: cents, hundredths of a
 * visit, parts per million of spend).
 */
public enum Metric {
    /** Whole days since the last purchase, at evaluation time; unknown without a purchase. */
    RECENCY_DAYS("recencyDays", 0, 1),
    /** Visits in the window. */
    FREQUENCY("frequency", 0, 1),
    /** Spend in the window, cents. */
    MONETARY("monetary", 0, 1),
    /** RFM recency score 1-5; unknown without a purchase in the window. */
    RFM_R("rfm.r", 0, 1),
    /** RFM frequency score 1-5. */
    RFM_F("rfm.f", 0, 1),
    /** RFM monetary score 1-5. */
    RFM_M("rfm.m", 0, 1),
    /** Average basket in the window, cents. */
    AVERAGE_BASKET("averageBasket", 0, 1),
    /** Spend over all history, cents. */
    LIFETIME_VALUE("lifetimeValue", 0, 1),
    /** The engagement score. */
    ENGAGEMENT("engagement", 0, 1),
    /** Visits per month in the window, up to two decimals (kept in hundredths). */
    VISITS_PER_MONTH("visitsPerMonth", 2, 100),
    /** Percent of the window's spend in one category ({@code categoryShare:<id>}), up to four decimals (kept in ppm). */
    CATEGORY_SHARE("categoryShare", 4, 10_000);

    private final String jsonName;
    private final int decimals;
    private final long unitsPerValue;

    Metric(String jsonName, int decimals, long unitsPerValue) {
        this.jsonName = jsonName;
        this.decimals = decimals;
        this.unitsPerValue = unitsPerValue;
    }

    /** @return the name in the condition language */
    public String jsonName() {
        return jsonName;
    }

    /** @return how many decimals a value may have */
    public int decimals() {
        return decimals;
    }

    /** @return stored units per unit of the written value (100 for visitsPerMonth: hundredths) */
    public long unitsPerValue() {
        return unitsPerValue;
    }

    /** @return whether a customer without any metric row has no value (rather than 0) */
    public boolean unknownWithoutPurchase() {
        return this == RECENCY_DAYS || this == RFM_R || this == RFM_F || this == RFM_M;
    }

    /**
     * @param name a metric's name in the language, {@code categoryShare} without its id
     * @return the metric
     */
    public static Optional<Metric> byJsonName(String name) {
        for (Metric metric : values()) {
            if (metric.jsonName.equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
