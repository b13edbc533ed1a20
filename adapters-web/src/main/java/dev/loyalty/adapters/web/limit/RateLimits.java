package dev.loyalty.adapters.web.limit;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts what each caller asks for against {@link LimitSettings}: lookups and quotes per token
 * (role and subject: one terminal, one integration) and per store, events the app posts per
 * customer, and invalid coupon codes per terminal (which, past the limit, lock the terminal out of
 * coupons for a while). The console (admin) is not limited. Fixed windows from a key's first
 * request, in this instance's memory (see the package's note on several instances); counters of
 * ended windows are dropped as the map grows.
 */
@ApplicationScoped
public class RateLimits {

    /** The problem codes a coupon judged as not existing has: what guessing earns. */
    public static final Set<String> INVALID_COUPON_CODES =
            Set.of("coupon-code-invalid", "coupon-not-found", "coupon-not-yours");

    private static final int SWEEP_EVERY = 4096;

    /**
     * @param problemCode a coupon's rejection code, or {@code null} for an applicable coupon
     * @return whether it says the code does not exist (or is not the customer's): what guessing earns
     */
    public static boolean isInvalidCoupon(String problemCode) {
        return problemCode != null && INVALID_COUPON_CODES.contains(problemCode);
    }

    private final LimitSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /** For CDI's proxy only. */
    protected RateLimits() {
        this.settings = null;
        this.clock = null;
    }

    @Inject
    public RateLimits(
            @ConfigProperty(name = "loyalty.limits.window-seconds", defaultValue = "60") long windowSeconds,
            @ConfigProperty(name = "loyalty.limits.lookup.per-token", defaultValue = "30") int lookupPerToken,
            @ConfigProperty(name = "loyalty.limits.lookup.per-store", defaultValue = "300") int lookupPerStore,
            @ConfigProperty(name = "loyalty.limits.quote.per-token", defaultValue = "60") int quotePerToken,
            @ConfigProperty(name = "loyalty.limits.quote.per-store", defaultValue = "600") int quotePerStore,
            @ConfigProperty(name = "loyalty.limits.app-events.per-customer", defaultValue = "10")
                    int appEventsPerCustomer,
            @ConfigProperty(name = "loyalty.limits.invalid-coupons", defaultValue = "5") int invalidCoupons,
            @ConfigProperty(name = "loyalty.limits.coupon-lockout-seconds", defaultValue = "900") long lockoutSeconds,
            Clock clock) {
        this(
                new LimitSettings(
                        Duration.ofSeconds(windowSeconds),
                        lookupPerToken,
                        lookupPerStore,
                        quotePerToken,
                        quotePerStore,
                        appEventsPerCustomer,
                        invalidCoupons,
                        Duration.ofSeconds(lockoutSeconds)),
                clock);
    }

    /** For tests outside the container. */
    public RateLimits(LimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads the settings as the application starts, so that an invalid one fails the deployment. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings();
    }

    /** @return the limits in force */
    public LimitSettings settings() {
        return settings;
    }

    /**
     * Counts a customer lookup.
     *
     * @throws TooManyRequestsException when the token's or the store's limit is reached
     */
    public void lookup(Actor actor) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        Instant now = clock.instant();
        count("lookup|token|" + token(actor), settings.lookupPerToken(), "lookups by this token", now);
        if (actor.storeId() != null) {
            count("lookup|store|" + actor.storeId(), settings.lookupPerStore(), "lookups in this store", now);
        }
    }

    /**
     * Counts a quote, and refuses one with coupons from a terminal locked out of coupons.
     *
     * @param storeId the store the quote is for
     * @param withCoupons whether it presents coupon codes
     * @throws TooManyRequestsException when a limit is reached or the caller is locked out
     */
    public void quote(Actor actor, String storeId, boolean withCoupons) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        if (withCoupons) {
            couponsAllowed(actor);
        }
        Instant now = clock.instant();
        count("quote|token|" + token(actor), settings.quotePerToken(), "quotes by this token", now);
        String store = actor.storeId() != null ? actor.storeId() : storeId;
        if (store != null && !store.isBlank()) {
            count("quote|store|" + store.strip(), settings.quotePerStore(), "quotes in this store", now);
        }
    }

    /**
     * Counts an event the app posts.
     *
     * @throws TooManyRequestsException when the customer's limit is reached
     */
    public void appEvent(Actor actor) {
        if (actor.role() != Role.CUSTOMER) {
            return;
        }
        count(
                "app-event|" + actor.subject(),
                settings.appEventsPerCustomer(),
                "events posted by the app for this customer",
                clock.instant());
    }

    /**
     * Refuses coupon codes from a caller locked out after too many invalid ones.
     *
     * @throws TooManyRequestsException while the lock-out lasts
     */
    public void couponsAllowed(Actor actor) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        Instant until = lockedUntil.get(token(actor));
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            throw new TooManyRequestsException(
                    TooManyRequestsException.COUPON_LOCKOUT,
                    "too many invalid coupon codes from this terminal: coupons are refused for a while",
                    seconds(now, until));
        }
    }

    /**
     * Counts invalid coupon codes presented by a caller; the one that reaches the limit starts the
     * lock-out.
     *
     * @param invalid how many codes of the request were invalid (no such code, not the customer's)
     */
    public void invalidCoupons(Actor actor, int invalid) {
        if (actor.role() == Role.ADMIN || invalid <= 0) {
            return;
        }
        Instant now = clock.instant();
        String token = token(actor);
        Window window = window("coupons|" + token, settings.lockout(), now);
        if (window.add(invalid, now, settings.lockout()) >= settings.invalidCoupons()) {
            lockedUntil.merge(token, now.plus(settings.lockout()), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void count(String key, int limit, String what, Instant now) {
        Window window = window(key, settings.window(), now);
        if (window.add(1, now, settings.window()) > limit) {
            throw new TooManyRequestsException(
                    TooManyRequestsException.RATE_LIMITED,
                    "too many " + what + ": at most " + limit + " per "
                            + settings.window().toSeconds() + " s",
                    seconds(now, window.end()));
        }
    }

    private Window window(String key, Duration length, Instant now) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> !w.end().isAfter(now));
            lockedUntil.values().removeIf(until -> !until.isAfter(now));
        }
        return windows.computeIfAbsent(key, k -> new Window(now, length));
    }

    /** A token is its role and subject: every token a terminal is given shares its counts. */
    private static String token(Actor actor) {
        return actor.role() + "|" + actor.subject() + (actor.storeId() == null ? "" : "|" + actor.storeId());
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }

    /** One key's count in its current window. */
    private static final class Window {
        private Instant end;
        private long count;

        Window(Instant start, Duration length) {
            this.end = start.plus(length);
        }

        synchronized long add(long n, Instant now, Duration length) {
            if (!now.isBefore(end)) {
                end = now.plus(length);
                count = 0;
            }
            count += n;
            return count;
        }

        synchronized Instant end() {
            return end;
        }
    }
}
