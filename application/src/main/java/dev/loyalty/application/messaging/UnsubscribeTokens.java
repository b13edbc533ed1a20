package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.CustomerId;

/**
 * Driven port: the tokens of unsubscribe links. A token names one customer and one consent and
 * cannot be made without the service's secret, so a link withdraws the consent of the customer it
 * was sent to and nobody else's. Tokens do not expire (an old e-mail's link must still work).
 */
public interface UnsubscribeTokens {

    /** What a token says. */
    record Subject(CustomerId customerId, ConsentPurpose purpose) {}

    /** @return the token for this customer and consent */
    String token(CustomerId customerId, ConsentPurpose purpose);

    /**
     * @param token a token from a link
     * @return what it says
     * @throws UnsubscribeLinkInvalidException when this service did not make it
     */
    Subject verify(String token);
}
