package dev.loyalty.application.idempotency;

import dev.loyalty.domain.shared.DomainException;

/** A key already used for another request (another body or operation). Code {@value #CODE}. */
public class IdempotencyKeyReusedException extends DomainException {

    /** The machine code. */
    public static final String CODE = "idempotency-key-reused";

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was used for a different request; use a new key for a new request");
    }

    @Override
    public String code() {
        return CODE;
    }
}
