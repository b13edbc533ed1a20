package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;
import java.time.Duration;
import java.time.Instant;

/**
 * A till uploaded a purchase it recorded offline later than the programme accepts. Code
 * {@value #CODE}.
 */
public class OfflinePurchaseTooOldException extends DomainException {

    /** The machine code. */
    public static final String CODE = "offline-purchase-too-old";

    /**
     * @param occurredAt when the purchase happened
     * @param maxAge how old an offline purchase may be when it is uploaded
     */
    public OfflinePurchaseTooOldException(Instant occurredAt, Duration maxAge) {
        super("an offline purchase is accepted up to " + maxAge.toDays()
                + " days after it occurred; this one occurred at " + occurredAt);
    }

    @Override
    public String code() {
        return CODE;
    }
}
