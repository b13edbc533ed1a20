package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void trimsAndLowerCases() {
        assertThat(Email.of("  Marco.Rossi@Example.IT ").value()).isEqualTo("marco.rossi@example.it");
        assertThat(Email.of("MARCO@example.it")).isEqualTo(Email.of("marco@example.it"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a@b.it", "marco+promo@mail.example.com", "o'neil@example.ie", "elena_b-1@sub-domain.example.org"
            })
    void acceptsUsualAddresses(String raw) {
        assertThat(Email.of(raw).value()).isEqualTo(raw.toLowerCase());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "marco",
                "marco@",
                "@example.it",
                "marco@example",
                "marco rossi@example.it",
                "marco@exa mple.it",
                "marco@@example.it",
                ".marco@example.it",
                "marco..rossi@example.it",
                "marco@-example.it",
                "marco@example.i"
            })
    void rejectsMalformedAddresses(String raw) {
        assertThatThrownBy(() -> Email.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void acceptsAt254CharactersAndRejectsBeyond() {
        String ok = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(62) + ".it";
        assertThat(ok).hasSize(254);
        assertThat(Email.of(ok).value()).hasSize(254);
        assertThatThrownBy(() -> Email.of(ok.replace("@b", "@bb")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void rejectsALocalPartLongerThan64() {
        assertThatThrownBy(() -> Email.of("a".repeat(65) + "@example.it")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void messageDoesNotEchoTheAddress() {
        assertThatThrownBy(() -> Email.of("secret-address@nowhere"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-address"));
    }
}
