package dev.loyalty.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How old a token may be: one whose lifetime ({@code exp - iat}) is longer than {@code maxAge}, or
 * that was issued more than {@code maxAge} ago, or that claims to be issued in the future (beyond
 * {@link #CLOCK_SKEW}), is refused, whatever its expiry says.
 *
 * @param maxAge the longest lifetime and age a token of this kind may have
 */
public record TokenAgePolicy(Duration maxAge) {

    /** How far the identity provider's clock may be ahead of ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** Requires a positive age. */
    public TokenAgePolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a token's maximum age must be positive");
        }
    }

    /**
     * @param issuedAt the token's {@code iat}
     * @param expiresAt the token's {@code exp}
     * @param now the time of the request
     * @return why the token is refused, or empty if its age is acceptable
     */
    public Optional<String> refusal(Instant issuedAt, Instant expiresAt, Instant now) {
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the token is issued in the future");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(maxAge) > 0) {
            return Optional.of("the token's lifetime is longer than " + maxAge.toMinutes() + " minutes");
        }
        if (Duration.between(issuedAt, now).compareTo(maxAge) > 0) {
            return Optional.of("the token was issued more than " + maxAge.toMinutes() + " minutes ago");
        }
        return Optional.empty();
    }
}
