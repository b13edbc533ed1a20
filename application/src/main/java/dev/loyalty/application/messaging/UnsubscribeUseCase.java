package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.ConsentPurpose;

/**
 * Driving port: the customer follows an unsubscribe link (which only shows what it would withdraw:
 * mail scanners fetch links) and confirms, which withdraws that consent.
 */
public interface UnsubscribeUseCase {

    /**
     * @param token the link's signed token
     * @return the consent the link names, changing nothing
     * @throws UnsubscribeLinkInvalidException when the link is not one of ours
     */
    ConsentPurpose purposeOf(String token);

    /**
     * @param token the link's signed token
     * @return the consent withdrawn (withdrawing it again changes nothing)
     * @throws UnsubscribeLinkInvalidException when the link is not one of ours
     */
    ConsentPurpose unsubscribe(String token);
}
