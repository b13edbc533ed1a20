package dev.loyalty.domain.messaging;

import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.PreferredChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a message goes. A channel asked for explicitly is that channel or nothing. Otherwise the
 * customer's preferred channel, then the configured fallback order, and the first channel the
 * customer can be reached on wins: it has a contact point, verified ({@link ContactPoints}: a phone for
 * SMS and calls, an e-mail address for e-mail), a registered app device for push (a till print needs
 * nothing) and, for
 * marketing, the customer's consent for it. An erased customer is reachable nowhere.
 *
 * @param fallbackOrder the channels tried after the preferred one, in order
 */
public record ChannelChoice(List<Channel> fallbackOrder) {

    /** The outcome: a channel, or why there is none. */
    public sealed interface Outcome {}

    /** @param channel the channel to use */
    public record Chosen(Channel channel) implements Outcome {}

    /** @param reason why no channel may be used, without personal data */
    public record Unreachable(String reason) implements Outcome {}

    /** Copies the order. */
    public ChannelChoice {
        fallbackOrder = List.copyOf(fallbackOrder);
    }

    /**
     * The choice for a customer whose app is registered on a device (push reachable).
     *
     * @param requested the channel asked for, if any
     * @param kind marketing or transactional
     * @param customer the customer as it is now
     * @return the channel, or the reason for none
     */
    public Outcome choose(Optional<Channel> requested, MessageKind kind, Customer customer) {
        return choose(requested, kind, customer, ContactPoints.of(Objects.requireNonNull(customer, "customer")), true);
    }

    /**
     * @param requested the channel asked for, if any
     * @param kind marketing or transactional
     * @param customer the customer as it is now
     * @param appDevice whether the customer has a device registered for push
     * @return the channel, or the reason for none (the profile's contacts taken as verified)
     */
    public Outcome choose(Optional<Channel> requested, MessageKind kind, Customer customer, boolean appDevice) {
        return choose(
                requested, kind, customer, ContactPoints.of(Objects.requireNonNull(customer, "customer")), appDevice);
    }

    /**
     * @param requested the channel asked for, if any
     * @param kind marketing or transactional
     * @param customer the customer as it is now
     * @param contacts where messages may go (the profile's verified contacts)
     * @param appDevice whether the customer has a device registered for push
     * @return the channel, or the reason for none
     */
    public Outcome choose(
            Optional<Channel> requested,
            MessageKind kind,
            Customer customer,
            ContactPoints contacts,
            boolean appDevice) {
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        if (customer.isErased()) {
            return new Unreachable("the customer's personal data was erased");
        }
        if (requested.isPresent()) {
            Optional<String> refusal = refusal(requested.get(), kind, customer, contacts, appDevice);
            return refusal.<Outcome>map(Unreachable::new).orElseGet(() -> new Chosen(requested.get()));
        }
        Set<Channel> candidates = new LinkedHashSet<>();
        preferred(customer.preferredChannel()).ifPresent(candidates::add);
        candidates.addAll(fallbackOrder);
        List<String> reasons = new ArrayList<>();
        for (Channel candidate : candidates) {
            Optional<String> refusal = refusal(candidate, kind, customer, contacts, appDevice);
            if (refusal.isEmpty()) {
                return new Chosen(candidate);
            }
            reasons.add(refusal.get());
        }
        return new Unreachable(
                reasons.isEmpty() ? "no channel to try" : "no usable channel: " + String.join("; ", reasons));
    }

    private static Optional<String> refusal(
            Channel channel, MessageKind kind, Customer customer, ContactPoints contacts, boolean appDevice) {
        boolean reachable =
                switch (channel) {
                    case SMS, STAFF_CALL -> contacts.phone().isPresent();
                    case EMAIL -> contacts.email().isPresent();
                    case PUSH -> appDevice;
                    case PRINT_AT_TILL -> true;
                };
        if (!reachable) {
            return Optional.of(channel + ": no "
                    + switch (channel) {
                        case EMAIL -> "e-mail address";
                        case PUSH -> "app device registered";
                        default -> "phone number";
                    });
        }
        if (kind == MessageKind.MARKETING) {
            Optional<String> noConsent = channel.marketingConsent()
                    .filter(purpose -> !customer.hasGranted(purpose))
                    .map(purpose -> channel + ": no consent " + purpose);
            if (noConsent.isPresent()) {
                return noConsent;
            }
        }
        return Optional.empty();
    }

    private static Optional<Channel> preferred(PreferredChannel preferred) {
        return switch (preferred) {
            case SMS -> Optional.of(Channel.SMS);
            case EMAIL -> Optional.of(Channel.EMAIL);
            case PUSH -> Optional.of(Channel.PUSH);
            case NONE -> Optional.empty();
        };
    }
}
