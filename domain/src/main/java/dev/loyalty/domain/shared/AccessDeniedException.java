package dev.loyalty.domain.shared;

/**
 * The caller is known but may not do this (e.g. a terminal acting for another store).
 * Code {@code forbidden}. Where existence must not leak, a not-found failure is used instead.
 */
public class AccessDeniedException extends DomainException {

    /** The machine code of a refused action. */
    public static final String CODE = "forbidden";

    /**
     * @param detail why the action is refused
     */
    public AccessDeniedException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
