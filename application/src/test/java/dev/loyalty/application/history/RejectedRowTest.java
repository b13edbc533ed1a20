package dev.loyalty.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectedRowTest {

    @Test
    void excerptsMaskEmailsPhonesAndCardsButKeepTheRest() {
        String masked = RejectedRow.mask(
                "MI-001,R-7,2025-01-10,elena.rossi+shop@example.co.uk,+39 347 123 4567,2900000000018,SKU-12,food,-1,599");

        assertThat(masked)
                .doesNotContain("elena")
                .doesNotContain("example")
                .doesNotContain("347 123")
                .doesNotContain("29000000000")
                .contains("***@***")
                .contains("MI-001,R-7")
                .contains("SKU-12,food,-1,599")
                .contains("67,")
                .contains("18,");
    }

    @Test
    void excerptsAreShortAndPrintable() {
        String masked = RejectedRow.mask("a\u0000b\u0007c" + "x".repeat(1_000));

        assertThat(masked).startsWith("a?b?c").hasSize(RejectedRow.MAX_EXCERPT);
    }

    @Test
    void aRejectMasksItsExcerptAndCutsItsReason() {
        RejectedRow row = new RejectedRow(3, "r".repeat(500), "bob@example.com");

        assertThat(row.excerpt()).isEqualTo("***@***");
        assertThat(row.reason()).hasSize(300);
    }
}
