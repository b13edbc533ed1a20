package dev.loyalty.domain.segment;

import java.util.Locale;
import java.util.Optional;

/** How a metric is compared with the condition's value ({@code between}: both ends included). */
public enum Comparison {
    LT,
    LTE,
    GT,
    GTE,
    EQ,
    BETWEEN;

    /** @return the name in the condition language */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a metric value, in the metric's stored unit
     * @param from the condition's value (its lower end for {@code between})
     * @param to the upper end for {@code between}, else equal to {@code from}
     * @return whether the value satisfies the comparison
     */
    public boolean holds(long value, long from, long to) {
        return switch (this) {
            case LT -> value < from;
            case LTE -> value <= from;
            case GT -> value > from;
            case GTE -> value >= from;
            case EQ -> value == from;
            case BETWEEN -> value >= from && value <= to;
        };
    }

    static Optional<Comparison> byJsonName(String name) {
        for (Comparison op : values()) {
            if (op.jsonName().equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
