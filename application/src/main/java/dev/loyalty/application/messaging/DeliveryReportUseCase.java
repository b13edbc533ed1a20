package dev.loyalty.application.messaging;

/** Driving port: a provider reports what became of a message it accepted. */
public interface DeliveryReportUseCase {

    /** What became of a report. */
    enum Outcome {
        /** The report was recorded (the message's status or its history changed). */
        RECORDED,
        /**
         * Nothing recorded: the same report was recorded before (a captured callback sent again), or
         * it goes back on a delivery already reported.
         */
        REPLAYED,
        /** No message has that provider id. */
        UNKNOWN_MESSAGE
    }

    /**
     * @param providerId the provider's id for the message
     * @param delivered true when delivered to the customer, false when the provider gave up
     * @param detail the provider's status and error code, without personal data; two reports with
     *     the same detail for one message are the same report
     * @return what became of it
     */
    Outcome report(String providerId, boolean delivered, String detail);
}
