package dev.loyalty.adapters.web.customer;

import dev.loyalty.domain.customer.ConsentChoices;
import dev.loyalty.domain.customer.ConsentPurpose;
import java.util.EnumMap;
import java.util.Map;

/**
 * Consent choices as JSON booleans. At enrolment an absent choice means "not granted"; in a
 * profile patch it means "unchanged".
 */
public record ConsentsBody(Boolean marketingEmail, Boolean marketingSms, Boolean marketingPush, Boolean profiling) {

    static ConsentsBody of(ConsentChoices choices) {
        return new ConsentsBody(
                choices.marketingEmail(), choices.marketingSms(), choices.marketingPush(), choices.profiling());
    }

    ConsentChoices toChoices() {
        return new ConsentChoices(
                isTrue(marketingEmail), isTrue(marketingSms), isTrue(marketingPush), isTrue(profiling));
    }

    Map<ConsentPurpose, Boolean> changes() {
        Map<ConsentPurpose, Boolean> changes = new EnumMap<>(ConsentPurpose.class);
        if (marketingEmail != null) {
            changes.put(ConsentPurpose.MARKETING_EMAIL, marketingEmail);
        }
        if (marketingSms != null) {
            changes.put(ConsentPurpose.MARKETING_SMS, marketingSms);
        }
        if (marketingPush != null) {
            changes.put(ConsentPurpose.MARKETING_PUSH, marketingPush);
        }
        if (profiling != null) {
            changes.put(ConsentPurpose.PROFILING, profiling);
        }
        return changes;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
