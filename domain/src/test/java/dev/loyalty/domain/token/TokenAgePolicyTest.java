package dev.loyalty.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenAgePolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final TokenAgePolicy hour = new TokenAgePolicy(Duration.ofMinutes(60));

    @Test
    void aTokenWithinTheAgeIsAccepted() {
        assertThat(hour.refusal(NOW.minus(Duration.ofMinutes(59)), NOW.plusSeconds(60), NOW))
                .isEmpty();
        assertThat(hour.refusal(NOW.plusSeconds(30), NOW.plus(Duration.ofMinutes(60)), NOW))
                .as("a little clock skew")
                .isEmpty();
    }

    @Test
    void aLifetimeLongerThanTheAgeIsRefusedEvenWhenFresh() {
        assertThat(hour.refusal(NOW, NOW.plus(Duration.ofMinutes(61)), NOW)).isPresent();
    }

    @Test
    void aTokenIssuedTooLongAgoIsRefusedWhateverItsExpiry() {
        assertThat(hour.refusal(NOW.minus(Duration.ofMinutes(61)), NOW.minus(Duration.ofMinutes(2)), NOW))
                .isPresent();
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        assertThat(hour.refusal(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(30)), NOW))
                .isPresent();
    }
}
