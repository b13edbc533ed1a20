package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * When a failed send is tried again: after attempt {@code n} (1-based) the delay is drawn between
 * half and all of {@code min(max, base * 2^(n-1))} (exponential backoff with "equal jitter", so
 * that instances retrying together spread out), and after {@code maxAttempts} attempts the message
 * is a dead letter.
 *
 * @param base the delay after the first failure
 * @param max the longest delay
 * @param maxAttempts attempts before giving up, at least 1
 */
public record RetrySchedule(Duration base, Duration max, int maxAttempts) {

    /** Validates the components. */
    public RetrySchedule {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new InvalidValueException("retry", "retry delays must be positive, the longest at least the first");
        }
        if (maxAttempts < 1) {
            throw new InvalidValueException("retry", "at least one attempt");
        }
    }

    /**
     * @param attempts attempts made so far (at least 1)
     * @return whether another attempt is allowed
     */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /**
     * @param attempts attempts made so far (at least 1)
     * @param random a number in [0, 1) drawn by the caller
     * @return how long to wait before the next attempt
     */
    public Duration delayAfter(int attempts, double random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1)");
        }
        long ceiling = max.toMillis();
        long exponential = base.toMillis();
        for (int i = 1; i < attempts && exponential < ceiling; i++) {
            exponential *= 2;
        }
        long capped = Math.min(exponential, ceiling);
        long half = capped / 2;
        return Duration.ofMillis(half + (long) ((capped - half) * random));
    }
}
