package dev.loyalty.domain.earning;

import dev.loyalty.domain.shared.DomainException;
import java.time.Instant;
import java.util.Objects;

/**
 * No version of the earning rules was in force at the instant of a purchase (every version starts
 * later, or none was ever defined), so its points cannot be computed. Carries that instant. Code
 * {@value #CODE}.
 */
public class EarningRulesMissingException extends DomainException {

    /** The machine code. */
    public static final String CODE = "earning-rules-missing";

    private final Instant occurredAt;

    /**
     * @param occurredAt the instant for which rules were asked
     */
    public EarningRulesMissingException(Instant occurredAt) {
        super("no earning rules are in force at " + Objects.requireNonNull(occurredAt, "occurredAt"));
        this.occurredAt = occurredAt;
    }

    /** @return the instant for which rules were asked */
    public Instant occurredAt() {
        return occurredAt;
    }

    @Override
    public String code() {
        return CODE;
    }
}
