package dev.loyalty.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class TokenRejectionsTest {

    /** What a logger passes on: the records, formatted. */
    static final class Captured extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        List<String> lines() {
            return records.stream()
                    .map(r -> MessageFormat.format(r.getMessage(), r.getParameters()))
                    .toList();
        }
    }

    private static Logger logger(String name, Captured captured) {
        Logger logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(captured);
        return logger;
    }

    private static final Exception INVALID = new IllegalStateException(
            "Failed to verify token", new Exception("Signed JWT rejected:\nInvalid signature"));

    @Test
    void aRefusedTokenIsOneLineAtFineWithoutAStackTrace() {
        Captured payaras = new Captured();
        Captured ours = new Captured();
        Logger payara = logger("test.payara.store.1", payaras);
        payara.setFilter(new TokenRejections.OneLine(logger("test.ours.1", ours), Clock.systemUTC()));

        payara.log(Level.INFO, "Exception trying to parse JWT token.", INVALID);

        assertThat(payaras.records).isEmpty();
        assertThat(ours.records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.FINE);
            assertThat(record.getThrown()).isNull();
        });
        assertThat(ours.lines())
                .containsExactly("Bearer token refused: Exception: Signed JWT rejected: Invalid signature");
    }

    @Test
    void aFloodOfRefusalsIsOneLineAnIntervalWithTheCount() {
        Captured ours = new Captured();
        Logger payara = logger("test.payara.store.2", new Captured());
        Instant[] now = {Instant.parse("2026-12-04T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        payara.setFilter(new TokenRejections.OneLine(logger("test.ours.2", ours), clock));

        for (int i = 0; i < 1000; i++) {
            payara.log(Level.INFO, "Exception trying to parse JWT token.", INVALID);
        }
        now[0] = now[0].plus(TokenRejections.INTERVAL);
        payara.log(Level.INFO, "Exception trying to parse JWT token.", INVALID);

        assertThat(ours.lines()).hasSize(2);
        assertThat(ours.lines().get(1)).endsWith("(and 999 more refused since the last line)");
    }

    @Test
    void recordsWithoutAFailurePassUnchanged() {
        Captured payaras = new Captured();
        Logger payara = logger("test.payara.store.3", payaras);
        payara.setFilter(new TokenRejections.OneLine(logger("test.ours.3", new Captured()), Clock.systemUTC()));

        payara.info("Failed to load Vendor properties from resource file");

        assertThat(payaras.records).hasSize(1);
    }
}
