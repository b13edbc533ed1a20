package dev.loyalty.adapters.web.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventAttributesTest {

    private static Object plain(Object value) {
        return EventAttributes.plain(Map.of("x", value)).get("x");
    }

    private static void refused(Object value) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> plain(value))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("attributes.x"));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("refused before anything expands it")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void wholeNumbersBecomeLongsAndDecimalsTheirText() {
        assertThat(plain(new BigDecimal("42"))).isEqualTo(42L);
        assertThat(plain(new BigDecimal("2.0"))).isEqualTo(2L);
        assertThat(plain(new BigDecimal("1e3"))).isEqualTo(1000L);
        assertThat(plain(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(plain(new BigDecimal("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(plain(new BigDecimal("0.000000000000000001"))).isEqualTo("0.000000000000000001");
    }

    @Test
    void hugeExponentsAreRefusedWithoutExpandingThem() {
        refused(new BigDecimal("1e999999"));
        refused(new BigDecimal("1e99999999"));
        refused(new BigDecimal("1e999999999"));
        refused(new BigDecimal("-1e999999999"));
        refused(new BigDecimal("1e-999999999"));
    }

    @Test
    void numbersBeyondALongOrWithTooManyDecimalsAreRefused() {
        refused(new BigDecimal("9223372036854775808"));
        refused(new BigDecimal("99999999999999999999"));
        refused(new BigDecimal("1e19"));
        refused(new BigDecimal("0.0000000000000000001"));
        refused(new BigDecimal("1" + "0".repeat(70)));
    }

    @Test
    void listsAreCheckedItemByItem() {
        assertThat(EventAttributes.plain(Map.of("x", List.of(new BigDecimal("7"), "a"))))
                .containsEntry("x", List.of(7L, "a"));
        assertThatThrownBy(() -> EventAttributes.plain(Map.of("x", List.of(new BigDecimal("1e999999999")))))
                .isInstanceOf(InvalidValueException.class);
    }
}
