package dev.loyalty.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalletEntryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    @ParameterizedTest
    @CsvSource({
        "EARN,1,true",
        "EARN,0,false",
        "EARN,-1,false",
        "BURN,-1,true",
        "BURN,1,false",
        "EXPIRE,-1,true",
        "EXPIRE,1,false",
        "REVERSE,-1,true",
        "REVERSE,1,true",
        "REVERSE,0,false",
        "ADJUST,1,true",
        "ADJUST,-1,true",
        "ADJUST,0,false"
    })
    void theSignOfThePointsFitsTheType(WalletEntryType type, long points, boolean valid) {
        if (valid) {
            assertThat(new WalletEntry(1, type, points, "why", "ref", NOW, null).points())
                    .isEqualTo(points);
        } else {
            assertThatThrownBy(() -> new WalletEntry(1, type, points, "why", "ref", NOW, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("points"));
        }
    }

    @Test
    void onlyAnEarningExpiresAndOnlyAfterItOccurred() {
        assertThat(new WalletEntry(1, WalletEntryType.EARN, 5, "why", "P1", NOW, LATER).expiresAt())
                .isEqualTo(LATER);
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.EARN, 5, "why", "P1", NOW, NOW))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.ADJUST, 5, "why", null, NOW, LATER))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
    }

    @Test
    void onlyAReversalTakingPointsBackCarriesADebt() {
        assertThat(new WalletEntry(1, WalletEntryType.REVERSE, 0, "refund", "P1", NOW, null, 40).debt())
                .isEqualTo(40);
        assertThat(new WalletEntry(1, WalletEntryType.REVERSE, -3, "refund", "P1", NOW, null, 40).debt())
                .isEqualTo(40);
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.REVERSE, 3, "refund", "P1", NOW, null, 40))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("debt"));
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.BURN, -3, "x", null, NOW, null, 40))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.REVERSE, -3, "refund", "P1", NOW, null, -1))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void earningsAndReversalsNameTheirReference() {
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.EARN, 5, "why", " ", NOW, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reference"));
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.REVERSE, -5, "why", null, NOW, null))
                .isInstanceOf(InvalidValueException.class);
        assertThat(new WalletEntry(1, WalletEntryType.BURN, -5, " claim ", null, NOW, null).reason())
                .isEqualTo("claim");
    }

    @Test
    void requiresSequenceTypeReasonAndInstant() {
        assertThatThrownBy(() -> new WalletEntry(0, WalletEntryType.ADJUST, 5, "why", null, NOW, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sequence"));
        assertThatThrownBy(() -> new WalletEntry(1, null, 5, "why", null, NOW, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.ADJUST, 5, "", null, NOW, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.ADJUST, 5, "x".repeat(201), null, NOW, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new WalletEntry(1, WalletEntryType.ADJUST, 5, "why", null, null, null))
                .isInstanceOf(InvalidValueException.class);
    }
}
