package dev.loyalty.application.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The RFM quintile boundaries of a rebuild: for each of recency (days since the last purchase),
 * frequency and monetary, the four ascending cut points that close quintiles 1 to 4 (the largest
 * value of each when the active customers are ranked ascending and split by {@code NTILE(5)}). A
 * value is scored by how many cut points it exceeds, so that equal values always get equal scores:
 * frequency and monetary {@code 1 + exceeded} (more is better), recency {@code 5 - exceeded}
 * (fewer days is better). Four ascending points per list, or none at all (before the first rebuild,
 * or when nobody is active): then there is no score.
 */
public record RfmCuts(List<Long> recency, List<Long> frequency, List<Long> monetary) {

    public static final RfmCuts NONE = new RfmCuts(List.of(), List.of(), List.of());

    public RfmCuts {
        recency = checked(recency, "recency");
        frequency = checked(frequency, "frequency");
        monetary = checked(monetary, "monetary");
        if (recency.isEmpty() != frequency.isEmpty() || recency.isEmpty() != monetary.isEmpty()) {
            throw new IllegalArgumentException("cut points for all three or none");
        }
    }

    private static List<Long> checked(List<Long> cuts, String name) {
        List<Long> copy = List.copyOf(cuts);
        if (!copy.isEmpty() && copy.size() != 4) {
            throw new IllegalArgumentException(name + ": four cut points, got " + copy.size());
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i) < copy.get(i - 1)) {
                throw new IllegalArgumentException(name + ": cut points ascend, got " + copy);
            }
        }
        return copy;
    }

    /**
     * The cut points from the largest value of each tile, tiles 1 to 5 as far as they exist (fewer
     * than five active customers fill fewer tiles: a missing tile closes where the last one did).
     *
     * @param tileMaxima the largest value of tiles 1, 2, ... (null for an empty tile); none: no cuts
     */
    public static List<Long> fromTileMaxima(List<Long> tileMaxima) {
        List<Long> cuts = new ArrayList<>();
        Long last = null;
        for (int tile = 0; tile < 4; tile++) {
            Long max = tile < tileMaxima.size() ? tileMaxima.get(tile) : null;
            if (max != null) {
                last = max;
            }
            if (last == null) {
                return List.of();
            }
            cuts.add(last);
        }
        return cuts;
    }

    public boolean isEmpty() {
        return recency.isEmpty();
    }

    /** @return the recency score of a customer whose last purchase is {@code days} ago */
    public Optional<Integer> recencyScore(long days) {
        return isEmpty() ? Optional.empty() : Optional.of(5 - exceeded(recency, days));
    }

    public Optional<Integer> frequencyScore(long receipts) {
        return isEmpty() ? Optional.empty() : Optional.of(1 + exceeded(frequency, receipts));
    }

    public Optional<Integer> monetaryScore(long cents) {
        return isEmpty() ? Optional.empty() : Optional.of(1 + exceeded(monetary, cents));
    }

    private static int exceeded(List<Long> cuts, long value) {
        int exceeded = 0;
        for (long cut : cuts) {
            if (value > cut) {
                exceeded++;
            }
        }
        return exceeded;
    }

    /** @return the stored form of a list: the points separated by commas (empty for none) */
    public static String format(List<Long> cuts) {
        return String.join(",", cuts.stream().map(String::valueOf).toList());
    }

    /** @return the list of its stored form */
    public static List<Long> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(s -> Long.parseLong(s.strip()))
                .toList();
    }
}
