package dev.loyalty.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenRevocationTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aTokenIdRevocationRefusesThatTokenOnly() {
        TokenRevocation revocation = new TokenRevocation(TokenRevocation.Kind.TOKEN_ID, "abc-1", AT, "admin", null);

        assertThat(revocation.refuses("abc-1", "till-1", AT.plusSeconds(5))).isTrue();
        assertThat(revocation.refuses("ABC-1", "till-1", AT.minusSeconds(5))).isFalse();
        assertThat(revocation.refuses(null, "abc-1", AT.minusSeconds(5))).isFalse();
    }

    @Test
    void aSubjectRevocationRefusesTheTokensIssuedUpToItAndNotLaterOnes() {
        TokenRevocation revocation =
                new TokenRevocation(TokenRevocation.Kind.SUBJECT, "till-MI-001", AT, "admin", "stolen till");

        assertThat(revocation.refuses("j1", "till-MI-001", AT.minus(Duration.ofMinutes(30))))
                .isTrue();
        assertThat(revocation.refuses("j2", "till-MI-001", AT)).isTrue();
        assertThat(revocation.refuses("j3", "till-MI-001", AT.plusSeconds(1))).isFalse();
        assertThat(revocation.refuses("j4", "till-MI-002", AT.minusSeconds(1))).isFalse();
    }

    @Test
    void aValueMustBePrintableAndBounded() {
        for (String bad : new String[] {"", " ", "a b", "x".repeat(256), "tab\there", "é"}) {
            assertThatThrownBy(() -> new TokenRevocation(TokenRevocation.Kind.SUBJECT, bad, AT, "admin", null))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> new TokenRevocation(TokenRevocation.Kind.TOKEN_ID, "ok", AT, "admin", " "))
                .isInstanceOf(InvalidValueException.class);
    }
}
