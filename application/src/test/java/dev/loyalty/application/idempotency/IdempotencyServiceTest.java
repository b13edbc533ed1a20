package dev.loyalty.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    /** Records in memory; a failed execution leaves its claim behind unless released, as a rollback would. */
    private final Map<String, IdempotencyRecords.Recorded> stored = new HashMap<>();

    private final Map<String, Instant> recordedAt = new HashMap<>();
    private final IdempotencyRecords records = new IdempotencyRecords() {
        @Override
        public Optional<Recorded> claim(IdempotentRequest request, Instant now) {
            Optional<Recorded> held = Optional.ofNullable(stored.get(request.keyHash()));
            recordedAt.putIfAbsent(request.keyHash(), now);
            return held;
        }

        @Override
        public void complete(IdempotentRequest request, StoredResponse response) {
            stored.put(request.keyHash(), new Recorded(request.fingerprint(), response));
        }

        @Override
        public int purgeRecordedBefore(Instant cutoff) {
            int before = stored.size();
            recordedAt.entrySet().removeIf(e -> {
                boolean old = e.getValue().isBefore(cutoff);
                if (old) {
                    stored.remove(e.getKey());
                }
                return old;
            });
            return before - stored.size();
        }
    };
    private final AtomicInteger runs = new AtomicInteger();
    private final IdempotencyService service = new IdempotencyService(records, Clock.fixed(NOW, ZoneOffset.UTC));

    private StoredResponse work() {
        return new StoredResponse(201, "{\"run\":" + runs.incrementAndGet() + "}", "/purchases/1");
    }

    private static IdempotentRequest request(String scope, String key, String body) {
        return new IdempotentRequest(scope, new IdempotencyKey(key), IdempotentRequest.sha256(body));
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseWithoutRunningAgain() {
        IdempotentExecution.Outcome first = service.execute(request("till-1", "k-1", "{}"), this::work);
        IdempotentExecution.Outcome second = service.execute(request("till-1", "k-1", "{}"), this::work);

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.response()).isEqualTo(first.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        service.execute(request("till-1", "k-1", "{\"a\":1}"), this::work);

        assertThatThrownBy(() -> service.execute(request("till-1", "k-1", "{\"a\":2}"), this::work))
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> assertThat(e.code())
                        .isEqualTo("idempotency-key-reused"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void keysAreScopedPerClient() {
        service.execute(request("till-1", "k-1", "{}"), this::work);
        IdempotentExecution.Outcome other = service.execute(request("till-2", "k-1", "{}"), this::work);

        assertThat(other.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void withoutAKeyTheWorkJustRuns() {
        service.execute(null, this::work);
        service.execute(null, this::work);

        assertThat(runs).hasValue(2);
    }

    @Test
    void keysOlderThanTheRetentionArePurged() {
        recordedAt.put(request("till-1", "old", "{}").keyHash(), NOW.minusSeconds(25 * 3600));
        stored.put(
                request("till-1", "old", "{}").keyHash(),
                new IdempotencyRecords.Recorded("x", new StoredResponse(201, "{}", null)));
        service.execute(request("till-1", "new", "{}"), this::work);

        assertThat(service.purgeExpired()).isEqualTo(1);
        assertThat(stored).containsOnlyKeys(request("till-1", "new", "{}").keyHash());
    }

    @Test
    void aKeyIsOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        assertThat(new IdempotencyKey("a").value()).isEqualTo("a");
        assertThat(new IdempotencyKey("x".repeat(255)).value()).hasSize(255);
        for (String bad : new String[] {"", " ", "x".repeat(256), "caff\u00e8", "tab\there"}) {
            assertThatThrownBy(() -> new IdempotencyKey(bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("Idempotency-Key"));
        }
    }
}
