package dev.loyalty.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void aTemplateIsNamedForItsTypeAndLanguage() {
        MessageTemplate template =
                new MessageTemplate(" Welcome ", "IT", Optional.of(" "), new MessageText("Ciao {firstName}"));

        assertThat(template.name()).isEqualTo("welcome");
        assertThat(template.language()).isEqualTo("it");
        assertThat(template.subject()).isEmpty();
    }

    @Test
    void aPlaceholderThatCouldNeverBeFilledIsRefusedWhenSaved() {
        assertThatThrownBy(() -> new MessageTemplate("welcome", "it", Optional.empty(), new MessageText("Ciao {nome}")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("nome");
        assertThatThrownBy(() ->
                        new MessageTemplate("welcome", "it", Optional.of("Per {cliente}"), new MessageText("Ciao")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void badNamesAndLanguagesAreRefused() {
        MessageText text = new MessageText("x");
        assertThatThrownBy(() -> new MessageTemplate("no spaces", "it", Optional.empty(), text))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MessageTemplate("ok", "ita", Optional.empty(), text))
                .isInstanceOf(InvalidValueException.class);
    }
}
