package dev.loyalty.application.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lanes of a set-based run: disjoint ranges {@code (low, high]} of the customer ids (compared as
 * text), cut at given ids ({@link #between}: a run's lanes, cut at its audience's quantiles, since ids
 * made by MariaDB's time-based {@code UUID()} - imports, the benchmark - crowd into one narrow prefix,
 * so that equal shares of the key space would not be equal shares of the audience). The first lane's low is {@code ""}
 * (before every id), the last has no high; each high is a whole id and the next lane's low, so every
 * id falls in exactly one lane.
 */
public final class RunLanes {

    /** Lanes at most (more would not find cores to run on). */
    public static final int MAX = 64;

    private RunLanes() {}

    /**
     * A lane's range.
     *
     * @param lane its number, 0 to n - 1
     * @param low the ids after it are the lane's ("" for the first)
     * @param high the last id of the lane, empty for the last lane
     */
    public record Range(int lane, String low, Optional<String> high) {

        /** @return whether {@code customer} falls in this lane */
        public boolean holds(String customer) {
            return customer.compareTo(low) > 0
                    && high.map(h -> customer.compareTo(h) <= 0).orElse(true);
        }
    }

    /**
     * The lanes cut at the given last ids (as {@link CampaignChunks#boundaries} finds them in a
     * frozen audience: equal shares of its customers whatever their ids' distribution).
     *
     * @param highs each lane's last id but the last lane's, strictly increasing
     * @return {@code highs.size() + 1} lanes, in key order
     */
    public static List<Range> between(List<String> highs) {
        List<Range> lanes = new ArrayList<>(highs.size() + 1);
        String low = "";
        for (int i = 0; i <= highs.size(); i++) {
            Optional<String> high = i == highs.size() ? Optional.empty() : Optional.of(highs.get(i));
            if (high.isPresent() && high.get().compareTo(low) <= 0) {
                throw new IllegalArgumentException("lane boundaries must increase: " + highs);
            }
            lanes.add(new Range(i, low, high));
            low = high.orElse(null);
        }
        return lanes;
    }
}
