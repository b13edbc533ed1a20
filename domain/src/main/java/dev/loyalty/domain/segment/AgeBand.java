package dev.loyalty.domain.segment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An age band: whole years of age on the evaluation day, {@code 0-17}, {@code 18-24},
 * {@code 25-34}, {@code 35-44}, {@code 45-54}, {@code 55-64} or {@code 65+}.
 */
public enum AgeBand {
    UNDER_18("0-17", 0, 17),
    FROM_18("18-24", 18, 24),
    FROM_25("25-34", 25, 34),
    FROM_35("35-44", 35, 44),
    FROM_45("45-54", 45, 54),
    FROM_55("55-64", 55, 64),
    FROM_65("65+", 65, 200);

    private final String label;
    private final int minAge;
    private final int maxAge;

    AgeBand(String label, int minAge, int maxAge) {
        this.label = label;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** @return the band as written in a condition */
    public String label() {
        return label;
    }

    /** @return the latest birth date in the band on {@code today} (inclusive) */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(minAge);
    }

    /** @return the birth date the band's births are after on {@code today} (exclusive) */
    public LocalDate bornAfter(LocalDate today) {
        return today.minusYears(maxAge + 1L);
    }

    /**
     * @param label a band as written
     * @return the band
     */
    public static Optional<AgeBand> byLabel(String label) {
        for (AgeBand band : values()) {
            if (band.label.equals(label)) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }
}
