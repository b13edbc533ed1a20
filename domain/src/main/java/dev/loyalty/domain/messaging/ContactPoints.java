package dev.loyalty.domain.messaging;

import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where messages to a customer may go: the e-mail address and the phone they were sent to. A
 * contact changed by the customer and not yet verified is not one of them: until it is, the
 * contact verified before (or none) stands in for it.
 *
 * @param email the e-mail address messages go to, if any
 * @param phone the phone messages go to, if any
 */
public record ContactPoints(Optional<String> email, Optional<String> phone) {

    /** Checks the components. */
    public ContactPoints {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }

    /** @return the customer's contacts as they are on the profile */
    public static ContactPoints of(Customer customer) {
        return new ContactPoints(
                customer.email().map(Email::value), customer.phone().map(PhoneNumber::value));
    }

    /**
     * @param unverified per channel whose contact awaits verification, the contact verified before it
     *     (empty: none)
     * @return these contacts with each unverified one replaced by the one verified before it
     */
    public ContactPoints verifiedOnly(Map<ContactChannel, Optional<String>> unverified) {
        return new ContactPoints(
                unverified.getOrDefault(ContactChannel.EMAIL, email),
                unverified.getOrDefault(ContactChannel.SMS, phone));
    }
}
