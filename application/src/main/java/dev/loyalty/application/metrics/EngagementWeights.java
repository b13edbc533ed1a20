package dev.loyalty.application.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How much each customer event type adds to (or takes from) the engagement score, e.g. {@code
 * EMAIL_OPENED:1,EMAIL_CLICKED:3,APP_OPENED:1,PRODUCT_RETURNED:-5}. Types are event types
 * (upper-case letters, digits, underscores); a type listed twice, a weight that is not an integer
 * in [-1000, 1000] or a pair without a colon cannot exist. Types not listed weigh nothing.
 */
public record EngagementWeights(Map<String, Integer> weights) {

    /** The weights when nothing is configured. */
    public static final String DEFAULT = "EMAIL_OPENED:1,EMAIL_CLICKED:3,APP_OPENED:1,PRODUCT_RETURNED:-5";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_WEIGHT = 1000;

    public EngagementWeights {
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
            if (!TYPE.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("not an event type: " + entry.getKey());
            }
            if (Math.abs(entry.getValue()) > MAX_WEIGHT) {
                throw new IllegalArgumentException("a weight is at most " + MAX_WEIGHT + " either way: " + entry);
            }
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * @param text {@code TYPE:weight} pairs separated by commas (blank: no weights)
     * @throws IllegalArgumentException naming the pair that cannot be read
     */
    public static EngagementWeights parse(String text) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new EngagementWeights(weights);
        }
        for (String raw : text.split(",")) {
            String pair = raw.strip();
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("expected TYPE:weight, got '" + pair + "'");
            }
            String type = pair.substring(0, colon).strip();
            int weight;
            try {
                weight = Integer.parseInt(pair.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of " + type + " is not an integer: '" + pair + "'", e);
            }
            if (weights.put(type, weight) != null) {
                throw new IllegalArgumentException(type + " is weighted twice");
            }
        }
        return new EngagementWeights(weights);
    }

    /** @return the weight of the type, if it has one (a weight of 0 counts as none) */
    public Optional<Integer> weightOf(String type) {
        return Optional.ofNullable(weights.get(type)).filter(w -> w != 0);
    }
}
