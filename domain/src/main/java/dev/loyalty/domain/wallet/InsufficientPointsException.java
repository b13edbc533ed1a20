package dev.loyalty.domain.wallet;

import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;

/**
 * A wallet was asked to give away more points than it holds; a balance never goes below zero.
 * Carries the balance available (after any expiry due) and the points requested. Code {@value #CODE}.
 */
public class InsufficientPointsException extends DomainException {

    /** The machine code. */
    public static final String CODE = "insufficient-points";

    private final Points balance;
    private final Points requested;

    /**
     * @param balance the points available
     * @param requested the points asked for, more than {@code balance}
     */
    public InsufficientPointsException(Points balance, Points requested) {
        super("requested " + Objects.requireNonNull(requested, "requested") + " points but the balance is "
                + Objects.requireNonNull(balance, "balance"));
        this.balance = balance;
        this.requested = requested;
    }

    /** @return the points available */
    public Points balance() {
        return balance;
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
