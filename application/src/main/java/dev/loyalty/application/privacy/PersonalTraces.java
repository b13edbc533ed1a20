package dev.loyalty.application.privacy;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/**
 * Driven port: the customer's personal data outside the profile - free-text event attributes, the
 * events posted for the customer's contacts before enrolment, the texts and values of messages and
 * their history (a call list's notes), stored idempotent responses (an enrolment's holds the whole
 * profile), the referral's hash of the contact.
 */
@FunctionalInterface
public interface PersonalTraces {

    /**
     * Erases those traces, in the current transaction; the rows themselves stay where the books or
     * the campaign statistics count them.
     *
     * @param id the customer
     * @param contacts the customer's e-mail and phone as stored (a prospect's events carry them)
     */
    void erase(CustomerId id, List<String> contacts);
}
