package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageTagTest {

    @Test
    void commonTagsAreNormalisedToTheirUsualCase() {
        assertThat(LanguageTag.of("it", "language").value()).isEqualTo("it");
        assertThat(LanguageTag.of(" EN ", "language").value()).isEqualTo("en");
        assertThat(LanguageTag.of("it-it", "language").value()).isEqualTo("it-IT");
        assertThat(LanguageTag.of("pt_BR", "language").value()).isEqualTo("pt-BR");
        assertThat(LanguageTag.of("zh-hant-tw", "language").value()).isEqualTo("zh-Hant-TW");
        assertThat(LanguageTag.of("es-419", "language").value()).isEqualTo("es-419");
    }

    @Test
    void templatesAreLookedUpByTheWholeTagThenItsLanguage() {
        assertThat(LanguageTag.of("it-IT", "language").lookupOrder()).isEqualTo(List.of("it-it", "it"));
        assertThat(LanguageTag.of("en", "language").lookupOrder()).isEqualTo(List.of("en"));
        assertThat(LanguageTag.of("de-CH", "language").primary()).isEqualTo("de");
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {"", "i", "italiano", "it-", "it-ITA-x", "it IT", "12", "en-US-u-ca-buddhist"}) {
            assertThatThrownBy(() -> LanguageTag.of(bad, "language"))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("language"));
        }
        assertThatThrownBy(() -> LanguageTag.of(null, "language")).isInstanceOf(InvalidValueException.class);
    }
}
