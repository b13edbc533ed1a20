package dev.loyalty.domain.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A new member joined the programme and received a card. Type {@value #TYPE}.
 *
 * @param customerId the new customer
 * @param cardNumber the card issued
 * @param enrolmentChannel where the enrolment happened
 * @param storeId the store, or {@code null}
 * @param referralCode the referral code given, or {@code null}
 * @param occurredAt when
 */
public record CustomerEnrolled(
        CustomerId customerId,
        CardNumber cardNumber,
        EnrolmentChannel enrolmentChannel,
        String storeId,
        String referralCode,
        Instant occurredAt)
        implements CustomerEvent {

    /** The event name. */
    public static final String TYPE = "CUSTOMER_ENROLLED";

    /** Checks the required components. */
    public CustomerEnrolled {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(enrolmentChannel, "enrolmentChannel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
