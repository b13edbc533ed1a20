package dev.loyalty.domain.shared;

/**
 * A business failure: something the caller asked for that the rules do not allow.
 * Every subclass names a stable kebab-case {@link #code()} that clients can rely on; the
 * message is a human-readable detail that never contains personal data.
 */
public abstract class DomainException extends RuntimeException {

    /**
     * @param detail human-readable explanation, free of personal data
     */
    protected DomainException(String detail) {
        super(detail);
    }

    /**
     * @param detail human-readable explanation, free of personal data
     * @param cause the technical failure that revealed the business one
     */
    protected DomainException(String detail, Throwable cause) {
        super(detail, cause);
    }

    /**
     * @return the stable, kebab-case machine code of this failure (e.g. {@code validation-failed})
     */
    public abstract String code();
}
