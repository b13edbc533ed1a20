package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.ConsentPurpose;

/** Driving port: the customer follows an unsubscribe link, which withdraws that consent. */
public interface UnsubscribeUseCase {

    /**
     * @param token the link's signed token
     * @return the consent withdrawn (withdrawing it again changes nothing)
     * @throws UnsubscribeLinkInvalidException when the link is not one of ours
     */
    ConsentPurpose unsubscribe(String token);
}
