package dev.loyalty.application.shared;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling a use case: a role, the authenticated subject (for {@link Role#CUSTOMER} the
 * customer id) and, for {@link Role#TERMINAL} only, the store it belongs to. A terminal always
 * has a store; no other role has one.
 *
 * @param role the kind of caller
 * @param subject the authenticated subject, non-blank
 * @param storeId the terminal's store; {@code null} for every other role
 */
public record Actor(Role role, String subject, String storeId, Set<String> stores, Set<String> channels) {

    /** Validates the role, subject and store rules. */
    public Actor {
        stores = stores == null ? Set.of() : Set.copyOf(stores);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        if (role != Role.INTEGRATION && (!stores.isEmpty() || !channels.isEmpty())) {
            throw new InvalidValueException("stores", "only an integration is scoped to stores and channels");
        }
        if (role == null) {
            throw new InvalidValueException("role", "role is required");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidValueException("subject", "subject must not be blank");
        }
        if (role == Role.TERMINAL && (storeId == null || storeId.isBlank())) {
            throw new InvalidValueException("storeId", "a terminal acts for a store");
        }
        if (role != Role.TERMINAL && storeId != null) {
            throw new InvalidValueException("storeId", "only a terminal acts for a store");
        }
    }

    /** A caller without an integration's scope. */
    public Actor(Role role, String subject, String storeId) {
        this(role, subject, storeId, Set.of(), Set.of());
    }

    /**
     * @param subject the administrator
     * @return an administrator
     */
    public static Actor admin(String subject) {
        return new Actor(Role.ADMIN, subject, null);
    }

    /**
     * @param subject the terminal
     * @param storeId its store
     * @return a checkout terminal
     */
    public static Actor terminal(String subject, String storeId) {
        return new Actor(Role.TERMINAL, subject, storeId);
    }

    /**
     * @param customerId the customer the app acts for
     * @return the app acting for that customer
     */
    public static Actor customer(CustomerId customerId) {
        return new Actor(Role.CUSTOMER, customerId.toString(), null);
    }

    /**
     * @param subject the system
     * @return a trusted integration
     */
    public static Actor integration(String subject) {
        return new Actor(Role.INTEGRATION, subject, null);
    }

    /**
     * @param subject the system
     * @param stores the stores it acts for (empty: every store)
     * @param channels the sales channels it acts in, STORE / ONLINE (empty: both)
     * @return an integration scoped to those stores and channels
     */
    public static Actor integration(String subject, Set<String> stores, Set<String> channels) {
        return new Actor(Role.INTEGRATION, subject, null, stores, channels);
    }

    /**
     * Whether this caller acts for a store in a channel: a terminal for its own store, an
     * integration within its scope (when its token names one), the console everywhere, a customer
     * nowhere.
     *
     * @param store a store
     * @param channel STORE or ONLINE
     */
    public boolean actsFor(String store, String channel) {
        String s = store == null ? null : store.strip();
        return switch (role) {
            case ADMIN -> true;
            case TERMINAL -> storeId.equals(s);
            case INTEGRATION -> (stores.isEmpty() || stores.contains(s))
                    && (channels.isEmpty() || channels.contains(channel));
            case CUSTOMER -> false;
        };
    }

    /**
     * @return where consent collected through this caller comes from: {@code STORE:<storeId>},
     *         {@code APP}, {@code ADMIN} or {@code INTEGRATION:<subject>}
     */
    public String consentSource() {
        return switch (role) {
            case TERMINAL -> "STORE:" + storeId;
            case CUSTOMER -> "APP";
            case ADMIN -> "ADMIN";
            case INTEGRATION -> "INTEGRATION:" + subject;
        };
    }

    /**
     * Lets only an administrator (the console) through.
     *
     * @param refusal what the refusal says to anyone else (e.g. {@code "rules are the console's"})
     * @throws AccessDeniedException when the caller is not an administrator
     */
    public void requireAdmin(String refusal) {
        if (role != Role.ADMIN) {
            throw new AccessDeniedException(refusal);
        }
    }

    /**
     * @return whether the caller is a customer (who may only see itself)
     */
    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /**
     * @return for a customer, its id (empty when the subject is not a customer id)
     */
    public Optional<CustomerId> customerId() {
        if (role != Role.CUSTOMER) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerId.parse(subject));
        } catch (InvalidValueException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * @param id a customer
     * @return whether this caller may see that customer: anyone but a customer may; a customer
     *         only itself
     */
    public boolean maySee(CustomerId id) {
        return role != Role.CUSTOMER || customerId().filter(id::equals).isPresent();
    }
}
