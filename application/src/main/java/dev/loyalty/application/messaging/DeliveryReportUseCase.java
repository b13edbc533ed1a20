package dev.loyalty.application.messaging;

/** Driving port: a provider reports what became of a message it accepted. */
public interface DeliveryReportUseCase {

    /**
     * @param providerId the provider's id for the message
     * @param delivered true when delivered to the customer, false when the provider gave up
     * @param detail the provider's status and error code, without personal data
     * @return whether a message has that provider id
     */
    boolean report(String providerId, boolean delivered, String detail);
}
