package dev.loyalty.adapters.persistence.settings;

import dev.loyalty.application.shared.ProgrammeCurrency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The programme's currency from MicroProfile Config: {@code loyalty.currency} (environment
 * {@code LOYALTY_CURRENCY}), an ISO 4217 code, default {@code EUR}. It is read when the
 * application starts, so that a code that is not one stops the deployment with a message naming
 * the setting (the launcher refuses it even earlier, before Payara Micro starts).
 */
@ApplicationScoped
public class ConfiguredCurrency implements ProgrammeCurrency {

    private final Currency currency;

    /** For CDI's proxy only. */
    protected ConfiguredCurrency() {
        this.currency = null;
    }

    @Inject
    public ConfiguredCurrency(@ConfigProperty(name = "loyalty.currency", defaultValue = "EUR") String code) {
        this.currency = parse(code);
    }

    /**
     * @param code an ISO 4217 code, in any case, possibly padded
     * @return its currency
     * @throws IllegalArgumentException naming the setting when {@code code} is not one
     */
    static Currency parse(String code) {
        String trimmed = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (trimmed.length() == 3) {
                return Currency.getInstance(trimmed);
            }
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: said below
        }
        throw new IllegalArgumentException(
                "LOYALTY_CURRENCY (loyalty.currency) must be an ISO 4217 currency code such as EUR, got: " + code);
    }

    /** Reads the setting as the application starts, so that an invalid one fails the deployment. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        currency();
    }

    @Override
    public Currency currency() {
        return currency;
    }
}
