package dev.loyalty.adapters.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A refused bearer token in the log as one short FINE line without a stack trace: {@link
 * BearerTokens} logs each token it refuses at INFO with the reason as a failure, as Payara's MP-JWT
 * did with the whole stack trace (some 80 lines a request, a log any client can flood; its logger is
 * still filtered). Such a record is replaced by one line with the reason at FINE (a refused
 * token is the client's problem, answered 401, not the operator's: at the default level nothing is
 * written), at most one line every {@link #INTERVAL} with the count of the refusals in between.
 */
@ApplicationScoped
public class TokenRejections {

    /** The logger of Payara's JWT identity store (6.2025.10). */
    static final String PAYARA_JWT_STORE = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(TokenRejections.class.getName());

    /** Held so that the configured loggers are not collected and made again without the filter. */
    private static final Logger PAYARA = Logger.getLogger(PAYARA_JWT_STORE);

    private static final Logger OURS = Logger.getLogger(BearerTokens.REFUSALS);

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OneLine oneLine = new OneLine(LOG, Clock.systemUTC());
        PAYARA.setFilter(oneLine);
        OURS.setFilter(oneLine);
    }

    /** Lets records without a failure through; replaces each with a failure by (at most) one line. */
    static final class OneLine implements Filter {
        private final Logger log;
        private final Clock clock;
        private final AtomicLong nextLine = new AtomicLong(Long.MIN_VALUE);
        private final AtomicInteger since = new AtomicInteger();

        OneLine(Logger log, Clock clock) {
            this.log = log;
            this.clock = clock;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (record.getThrown() == null) {
                return true;
            }
            long now = clock.millis();
            long next = nextLine.get();
            if (now >= next && nextLine.compareAndSet(next, now + INTERVAL.toMillis())) {
                int others = since.getAndSet(0);
                log.log(Level.FINE, "Bearer token refused: {0}{1}", new Object[] {
                    reason(record.getThrown()),
                    others == 0 ? "" : " (and " + others + " more refused since the last line)"
                });
            } else {
                since.incrementAndGet();
            }
            return false;
        }

        /** The innermost message of the failure, on one line and short. */
        static String reason(Throwable failure) {
            Throwable inner = failure;
            while (inner.getCause() != null && inner.getCause() != inner) {
                inner = inner.getCause();
            }
            String message = inner.getMessage() == null ? "" : ": " + inner.getMessage();
            String line = (inner.getClass().getSimpleName() + message).replaceAll("[\\r\\n\\t]+", " ");
            return line.length() > 200 ? line.substring(0, 200) + "..." : line;
        }
    }
}
