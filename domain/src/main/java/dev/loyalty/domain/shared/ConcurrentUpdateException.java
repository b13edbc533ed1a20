package dev.loyalty.domain.shared;

/**
 * Another transaction changed the same aggregate first (optimistic-lock conflict); the
 * caller may reload and retry. Code {@code concurrent-update}.
 */
public class ConcurrentUpdateException extends DomainException {

    /** The machine code of an optimistic-lock conflict. */
    public static final String CODE = "concurrent-update";

    /** A conflict with the default detail. */
    public ConcurrentUpdateException() {
        this("the resource was changed concurrently; reload it and retry");
    }

    /**
     * @param detail what was being updated
     */
    public ConcurrentUpdateException(String detail) {
        super(detail);
    }

    /**
     * @param detail what was being updated
     * @param cause the persistence failure that revealed the conflict
     */
    public ConcurrentUpdateException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    public String code() {
        return CODE;
    }
}
