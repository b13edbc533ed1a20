package dev.loyalty.application.messaging;

import dev.loyalty.domain.shared.DomainException;

/**
 * A delivery report that was received before, or goes back on a delivery already reported: a
 * captured callback sent again changes nothing. Code {@value #CODE}.
 */
public class DeliveryReportReplayedException extends DomainException {

    /** The machine code. */
    public static final String CODE = "delivery-report-replayed";

    public DeliveryReportReplayedException() {
        super("this delivery report was received before, or goes back on a delivery already reported; nothing"
                + " changed");
    }

    @Override
    public String code() {
        return CODE;
    }
}
