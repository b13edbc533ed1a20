package dev.loyalty.application.customer;

import dev.loyalty.application.account.UnverifiedContacts;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven port: the contacts customers changed and have not verified yet, one per customer and
 * channel, each with the digest of the code sent to it and the contact verified before it.
 */
public interface ContactVerifications extends UnverifiedContacts {

    /**
     * A contact awaiting its code.
     *
     * @param customerId whose
     * @param channel which contact
     * @param verifiedBefore the contact verified before it (messages go there meanwhile), if any
     * @param codeDigest the keyed digest of the code sent
     * @param expiresAt when the code stops working
     * @param attemptsLeft wrong codes still allowed
     * @param requestedAt when the code was sent
     */
    record Pending(
            CustomerId customerId,
            ContactChannel channel,
            Optional<String> verifiedBefore,
            String codeDigest,
            Instant expiresAt,
            int attemptsLeft,
            Instant requestedAt) {

        /** Checks the components. */
        public Pending {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(verifiedBefore, "verifiedBefore");
            Objects.requireNonNull(codeDigest, "codeDigest");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }

        /** @return this with one wrong code fewer allowed */
        public Pending afterAWrongCode() {
            return new Pending(
                    customerId, channel, verifiedBefore, codeDigest, expiresAt, attemptsLeft - 1, requestedAt);
        }
    }

    /** @return the customer's contacts awaiting verification, by channel */
    Map<ContactChannel, Pending> pendingOf(CustomerId customerId);

    /** @return per customer given, {@link #pendingOf} them (one read for all where the store can) */
    default Map<CustomerId, Map<ContactChannel, Pending>> pendingOfAll(java.util.Collection<CustomerId> customers) {
        Map<CustomerId, Map<ContactChannel, Pending>> all = new java.util.HashMap<>();
        for (CustomerId customer : customers) {
            all.put(customer, pendingOf(customer));
        }
        return all;
    }

    /** @return the pending contact, locked until the transaction ends */
    Optional<Pending> locked(CustomerId customerId, ContactChannel channel);

    /** Records a pending contact (replacing the channel's previous one). */
    void save(Pending pending);

    /** Forgets the channel's pending contact (verified, or the verified one given again). */
    void remove(CustomerId customerId, ContactChannel channel);

    @Override
    default Map<ContactChannel, Optional<String>> of(CustomerId customerId) {
        Map<ContactChannel, Optional<String>> unverified = new java.util.EnumMap<>(ContactChannel.class);
        pendingOf(customerId).forEach((channel, pending) -> unverified.put(channel, pending.verifiedBefore()));
        return unverified;
    }

    @Override
    default Map<CustomerId, Map<ContactChannel, Optional<String>>> ofAll(java.util.Collection<CustomerId> customers) {
        Map<CustomerId, Map<ContactChannel, Optional<String>>> all = new java.util.HashMap<>();
        pendingOfAll(customers).forEach((customer, pending) -> {
            Map<ContactChannel, Optional<String>> unverified = new java.util.EnumMap<>(ContactChannel.class);
            pending.forEach((channel, p) -> unverified.put(channel, p.verifiedBefore()));
            all.put(customer, unverified);
        });
        return all;
    }
}
