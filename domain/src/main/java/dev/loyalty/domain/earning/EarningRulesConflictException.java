package dev.loyalty.domain.earning;

import dev.loyalty.domain.shared.DomainException;
import java.time.Instant;
import java.util.Objects;

/**
 * A version of the earning rules was added with the same {@code effectiveFrom} as an existing one;
 * two versions can never be in force from the same instant. Carries that instant. Code
 * {@value #CODE}.
 */
public class EarningRulesConflictException extends DomainException {

    /** The machine code. */
    public static final String CODE = "earning-rules-conflict";

    private final Instant effectiveFrom;

    /**
     * @param effectiveFrom the instant claimed by two versions
     */
    public EarningRulesConflictException(Instant effectiveFrom) {
        super("earning rules already take effect at " + Objects.requireNonNull(effectiveFrom, "effectiveFrom"));
        this.effectiveFrom = effectiveFrom;
    }

    /** @return the instant claimed by two versions */
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    @Override
    public String code() {
        return CODE;
    }
}
