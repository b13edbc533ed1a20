package dev.loyalty.application.shared;

import dev.loyalty.domain.shared.DomainException;

/**
 * A limit a use case keeps was reached (code {@code rate-limited}): nothing changed, and the caller
 * may try again after {@link #retryAfterSeconds()} (at least one).
 */
public class RateLimitedException extends DomainException {

    /** The problem's code. */
    public static final String CODE = "rate-limited";

    private final long retryAfterSeconds;

    /**
     * @param detail what was limited (no personal data)
     * @param retryAfterSeconds when to try again; raised to 1 at least
     */
    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds until a retry may succeed */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String code() {
        return CODE;
    }
}
