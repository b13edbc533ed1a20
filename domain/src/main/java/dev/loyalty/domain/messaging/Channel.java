package dev.loyalty.domain.messaging;

import dev.loyalty.domain.customer.ConsentPurpose;
import java.util.Optional;

/**
 * A way to reach a customer. Electronic channels need a contact point and, for marketing, the
 * customer's consent for that channel; the in-store ones need neither an address nor a consent of
 * their own, except the call list, which phones the customer and so asks for the SMS (phone)
 * marketing consent.
 */
public enum Channel {
    /** A text message to the customer's phone. */
    SMS,
    /** An e-mail to the customer's address. */
    EMAIL,
    /** A push notification to the customer's app (the topic of the customer). */
    PUSH,
    /** Printed on the next quote or receipt at a till. */
    PRINT_AT_TILL,
    /** A call by the store's staff (personal shopper), from the store's call list. */
    STAFF_CALL;

    /** @return the consent a marketing message on this channel needs, if any */
    public Optional<ConsentPurpose> marketingConsent() {
        return switch (this) {
            case SMS, STAFF_CALL -> Optional.of(ConsentPurpose.MARKETING_SMS);
            case EMAIL -> Optional.of(ConsentPurpose.MARKETING_EMAIL);
            case PUSH -> Optional.of(ConsentPurpose.MARKETING_PUSH);
            case PRINT_AT_TILL -> Optional.empty();
        };
    }
}
