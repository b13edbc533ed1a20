package dev.loyalty.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void rendersEveryPlaceholder() {
        MessageText text = new MessageText("Ciao {firstName}, usa {couponCode} entro il {couponValidUntil}");

        assertThat(text.render(Map.of("firstName", "Marco", "couponCode", "K7P2QX9M4", "couponValidUntil", "31/12")))
                .isEqualTo("Ciao Marco, usa K7P2QX9M4 entro il 31/12");
    }

    @Test
    void aValueIsNotReadAsAPattern() {
        assertThat(new MessageText("{firstName}").render(Map.of("firstName", "$1 \\{x}")))
                .isEqualTo("$1 \\{x}");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorNotALiteral() {
        assertThatThrownBy(() -> new MessageText("Use {couponCode}").render(Map.of()))
                .isInstanceOf(MissingPlaceholderException.class)
                .hasMessageContaining("{couponCode}");
    }

    @Test
    void unknownPlaceholdersAreRefusedWhenSaved() {
        MessageText text = new MessageText("Hi {firstName}, {coupon}");

        assertThat(text.placeholders()).containsExactly("firstName", "coupon");
        assertThatThrownBy(() -> text.requireKnown(MessageText.STANDARD_PLACEHOLDERS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("coupon");
        assertThat(new MessageText("{storeName} {appLink}").requireKnown(MessageText.STANDARD_PLACEHOLDERS))
                .isNotNull();
    }

    @Test
    void blankOrHugeTextsDoNotExist() {
        assertThatThrownBy(() -> new MessageText(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MessageText("x".repeat(4001))).isInstanceOf(InvalidValueException.class);
        assertThat(new MessageText("no placeholders").placeholders()).isEqualTo(Set.of());
    }
}
