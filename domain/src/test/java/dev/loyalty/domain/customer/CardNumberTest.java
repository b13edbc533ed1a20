package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "5901234123457", "9780306406157", "0000000000000"})
    void acceptsKnownEan13(String raw) {
        assertThat(CardNumber.of(raw).value()).isEqualTo(raw);
        assertThat(CardNumber.of(raw)).hasToString(raw);
    }

    @Test
    void computesTheGs1CheckDigit() {
        assertThat(CardNumber.checkDigit("400638133393")).isEqualTo(1);
        assertThat(CardNumber.checkDigit("590123412345")).isEqualTo(7);
        assertThat(CardNumber.checkDigit("978030640615")).isEqualTo(7);
    }

    @Test
    void trimsAScannedNumber() {
        assertThat(CardNumber.of(" 4006381333931 ").value()).isEqualTo("4006381333931");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "4006381333932",
                "5901234123450",
                "400638133393",
                "40063813339311",
                "400638133393a",
                "4006 381333931"
            })
    void rejectsInvalidNumbers(String raw) {
        assertThatThrownBy(() -> CardNumber.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cardNumber"));
    }

    @Test
    void issuedNumbersAreInStoreEan13WithValidCheckDigit() {
        for (long serial : new long[] {1, 2, 3, 42, 1_000_000, CardNumber.MAX_SERIAL}) {
            CardNumber card = CardNumber.fromSerial(serial);
            assertThat(card.value()).hasSize(13).startsWith("29");
            assertThat(CardNumber.of(card.value())).isEqualTo(card);
        }
    }

    @Test
    void scrambleIsMultiplicationModuloTenToTheTen() {
        BigInteger modulus = BigInteger.TEN.pow(10);
        for (long serial : new long[] {1, 7, 123_456_789, 9_876_543_210L, CardNumber.MAX_SERIAL}) {
            long expected = BigInteger.valueOf(serial)
                    .multiply(BigInteger.valueOf(7_368_787_397L))
                    .mod(modulus)
                    .longValueExact();
            assertThat(CardNumber.scramble(serial)).isEqualTo(expected);
        }
    }

    @Test
    void distinctSerialsGiveDistinctCards() {
        Set<String> seen = new HashSet<>();
        for (long serial = 1; serial <= 200_000; serial++) {
            assertThat(seen.add(CardNumber.fromSerial(serial).value()))
                    .as("serial %d", serial)
                    .isTrue();
        }
        for (long serial = CardNumber.MAX_SERIAL - 50_000; serial <= CardNumber.MAX_SERIAL; serial++) {
            assertThat(seen.add(CardNumber.fromSerial(serial).value()))
                    .as("serial %d", serial)
                    .isTrue();
        }
    }

    @Test
    void scrambleIsInvertibleSoTheMappingIsABijection() {
        BigInteger modulus = BigInteger.TEN.pow(10);
        BigInteger inverse = BigInteger.valueOf(7_368_787_397L).modInverse(modulus);
        for (long serial : new long[] {1, 2, 99, 5_000_000_000L, CardNumber.MAX_SERIAL}) {
            long back = BigInteger.valueOf(CardNumber.scramble(serial))
                    .multiply(inverse)
                    .mod(modulus)
                    .longValueExact();
            assertThat(back).isEqualTo(serial);
        }
    }

    @Test
    void consecutiveSerialsDoNotGiveConsecutiveCards() {
        long first = Long.parseLong(CardNumber.fromSerial(1000).value().substring(2, 12));
        long second = Long.parseLong(CardNumber.fromSerial(1001).value().substring(2, 12));
        assertThat(Math.abs(second - first)).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void rejectsSerialsOutOfRange(long serial) {
        assertThatThrownBy(() -> CardNumber.fromSerial(serial))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cardNumber"));
    }
}
