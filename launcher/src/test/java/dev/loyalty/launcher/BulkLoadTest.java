package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BulkLoadTest {

    @Test
    void valuesAreWrittenAsLoadDataReadsThem() {
        assertThat(BulkLoad.text(null)).isEqualTo("\\N");
        assertThat(BulkLoad.text(LocalDateTime.of(2026, 12, 5, 8, 30, 1, 250_000_000)))
                .isEqualTo("2026-12-05 08:30:01.250000");
        assertThat(BulkLoad.text(LocalDate.of(1980, 2, 29))).isEqualTo("1980-02-29");
        assertThat(BulkLoad.text(true)).isEqualTo("1");
        assertThat(BulkLoad.text(false)).isEqualTo("0");
        assertThat(BulkLoad.text(1234L)).isEqualTo("1234");
        assertThat(BulkLoad.text("MI-001")).isEqualTo("MI-001");
    }

    @Test
    void aValueThatWouldNeedEscapingIsRefused() {
        assertThatThrownBy(() -> BulkLoad.text("a\tb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkLoad.text("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkLoad.text("a\\b")).isInstanceOf(IllegalArgumentException.class);
    }
}
