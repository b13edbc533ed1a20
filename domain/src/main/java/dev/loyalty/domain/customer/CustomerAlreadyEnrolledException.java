package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.DomainException;
import java.util.Objects;

/**
 * An e-mail address or phone number already belongs to another customer. Names the field
 * ({@code email} or {@code phone}), never its value. Code {@value #CODE}.
 */
public class CustomerAlreadyEnrolledException extends DomainException {

    /** The machine code. */
    public static final String CODE = "customer-already-enrolled";

    private final String field;

    /**
     * @param field the contact point already taken: {@code email} or {@code phone}
     */
    public CustomerAlreadyEnrolledException(String field) {
        super("a customer with this " + Objects.requireNonNull(field, "field") + " is already enrolled");
        this.field = field;
    }

    /**
     * @return the contact point already taken
     */
    public String field() {
        return field;
    }

    @Override
    public String code() {
        return CODE;
    }
}
