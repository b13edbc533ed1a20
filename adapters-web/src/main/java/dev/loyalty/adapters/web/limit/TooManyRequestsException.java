package dev.loyalty.adapters.web.limit;

/**
 * A limit was reached: answered 429 with {@code Retry-After}. Not a domain failure: the request
 * was not looked at, and nothing changed.
 */
public class TooManyRequestsException extends RuntimeException {

    /** A rate limit (lookups, quotes, app events). */
    public static final String RATE_LIMITED = "rate-limited";

    /** A terminal locked out after too many invalid coupon codes. */
    public static final String COUPON_LOCKOUT = "coupon-lockout";

    private final String code;
    private final long retryAfterSeconds;

    /**
     * @param code {@link #RATE_LIMITED} or {@link #COUPON_LOCKOUT}
     * @param detail what was limited (no personal data)
     * @param retryAfterSeconds when to try again, at least 1
     */
    public TooManyRequestsException(String code, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return the problem's code */
    public String code() {
        return code;
    }

    /** @return seconds until a retry may succeed */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
