package dev.loyalty.adapters.persistence.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfiguredCurrencyTest {

    @Test
    void readsAnIsoCodeInAnyCase() {
        assertThat(new ConfiguredCurrency("EUR").code()).isEqualTo("EUR");
        assertThat(new ConfiguredCurrency(" chf ").code()).isEqualTo("CHF");
    }

    @Test
    void refusesWhatIsNotAnIsoCodeNamingTheSetting() {
        for (String wrong : new String[] {"", "EURO", "XYZ", "€"}) {
            assertThatThrownBy(() -> new ConfiguredCurrency(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "LOYALTY_CURRENCY (loyalty.currency) must be an ISO 4217 currency code such as EUR, got: "
                                    + wrong);
        }
    }
}
