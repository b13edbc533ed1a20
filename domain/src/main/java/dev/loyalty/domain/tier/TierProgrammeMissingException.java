package dev.loyalty.domain.tier;

import dev.loyalty.domain.shared.DomainException;

/**
 * Something that needs a tier programme was asked for before any was set (an override, a review,
 * a coupon template or reward kept for tiers). Code {@value #CODE}.
 */
public class TierProgrammeMissingException extends DomainException {

    /** The machine code. */
    public static final String CODE = "tier-programme-missing";

    /** @param detail what needed it */
    public TierProgrammeMissingException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
