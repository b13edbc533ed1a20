package dev.loyalty.domain.wallet;

import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;

/**
 * A reversal asked to take back more points than its reference still has to give: what was
 * earned under it minus what earlier reversals already took (including their debt). A reference
 * that earned nothing has nothing reversible. Code {@value #CODE}.
 */
public class ReversalExceedsEarnedException extends DomainException {

    /** The machine code. */
    public static final String CODE = "reversal-exceeds-earned";

    private final String reference;
    private final Points reversible;
    private final Points requested;

    /**
     * @param reference the earning reference
     * @param reversible the points that may still be reversed under it
     * @param requested the points asked for, more than {@code reversible}
     */
    public ReversalExceedsEarnedException(String reference, Points reversible, Points requested) {
        super("cannot reverse " + Objects.requireNonNull(requested, "requested") + " points of " + reference + ": only "
                + Objects.requireNonNull(reversible, "reversible") + " remain reversible");
        this.reference = reference;
        this.reversible = reversible;
        this.requested = requested;
    }

    /** @return the earning reference */
    public String reference() {
        return reference;
    }

    /** @return the points still reversible under the reference */
    public Points reversible() {
        return reversible;
    }

    /** @return the points asked for */
    public Points requested() {
        return requested;
    }

    @Override
    public String code() {
        return CODE;
    }
}
