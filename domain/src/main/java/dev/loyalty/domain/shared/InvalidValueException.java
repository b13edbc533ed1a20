package dev.loyalty.domain.shared;

import java.util.Objects;

/**
 * A value or command field that breaks its rules; it names the offending field as the
 * clients spell it in JSON (e.g. {@code email}, {@code firstName}). Code {@code validation-failed}.
 */
public class InvalidValueException extends DomainException {

    /** The machine code of every validation failure. */
    public static final String CODE = "validation-failed";

    private final String field;

    /**
     * @param field the offending field, as named in the external API
     * @param detail what is wrong with it, without echoing personal data
     */
    public InvalidValueException(String field, String detail) {
        super(detail);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * @return the offending field, as named in the external API
     */
    public String field() {
        return field;
    }

    @Override
    public String code() {
        return CODE;
    }
}
