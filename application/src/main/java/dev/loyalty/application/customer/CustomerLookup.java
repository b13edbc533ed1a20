package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.InvalidValueException;

/**
 * How a till identifies a customer: card, phone and/or e-mail. At least one is given; when
 * several are, they must all designate the same customer.
 *
 * @param card the loyalty card, or {@code null}
 * @param phone the phone number, or {@code null}
 * @param email the e-mail address, or {@code null}
 */
public record CustomerLookup(CardNumber card, PhoneNumber phone, Email email) {

    /** Requires at least one criterion. */
    public CustomerLookup {
        if (card == null && phone == null && email == null) {
            throw new InvalidValueException("card", "give at least one of card, phone or email");
        }
    }

    /**
     * @param card the card
     * @return a lookup by card
     */
    public static CustomerLookup byCard(CardNumber card) {
        return new CustomerLookup(card, null, null);
    }

    /**
     * @param phone the phone number
     * @return a lookup by phone
     */
    public static CustomerLookup byPhone(PhoneNumber phone) {
        return new CustomerLookup(null, phone, null);
    }

    /**
     * @param email the e-mail address
     * @return a lookup by e-mail
     */
    public static CustomerLookup byEmail(Email email) {
        return new CustomerLookup(null, null, email);
    }
}
