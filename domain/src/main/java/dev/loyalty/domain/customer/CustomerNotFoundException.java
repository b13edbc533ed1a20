package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.DomainException;
import java.util.Optional;

/**
 * No customer matches, or none the caller may see (existence does not leak). Code {@value #CODE}.
 */
public class CustomerNotFoundException extends DomainException {

    /** The machine code. */
    public static final String CODE = "customer-not-found";

    private final transient CustomerId customerId;

    /** No customer matches the criteria given. */
    public CustomerNotFoundException() {
        this("customer not found");
    }

    /**
     * @param customerId the identity looked for
     */
    public CustomerNotFoundException(CustomerId customerId) {
        super("customer " + customerId + " not found");
        this.customerId = customerId;
    }

    /**
     * @param detail what was looked for, without personal data
     */
    public CustomerNotFoundException(String detail) {
        super(detail);
        this.customerId = null;
    }

    /**
     * @return the identity looked for, when the search was by identity
     */
    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customerId);
    }

    @Override
    public String code() {
        return CODE;
    }
}
