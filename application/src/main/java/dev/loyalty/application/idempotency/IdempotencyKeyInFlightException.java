package dev.loyalty.application.idempotency;

import dev.loyalty.domain.shared.DomainException;

/**
 * The request that holds the key is still being processed and did not finish in time; retry
 * later with the same key. Code {@value #CODE}.
 */
public class IdempotencyKeyInFlightException extends DomainException {

    /** The machine code. */
    public static final String CODE = "idempotency-key-in-flight";

    public IdempotencyKeyInFlightException() {
        super("a request with this Idempotency-Key is still being processed; retry later with the same key");
    }

    @Override
    public String code() {
        return CODE;
    }
}
