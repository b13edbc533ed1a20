package dev.loyalty.application.messaging;

/**
 * Driving port for whoever wants a customer to hear something (rules, campaigns, rewards): the
 * message is queued in the caller's transaction, so it exists if and only if the change that caused
 * it commits, and is sent after commit. Consent, marketing pressure and the choice of channel are
 * the messaging side's business, judged when the message is sent.
 */
public interface MessageOutbox {

    /**
     * Queues a message. Queuing the same {@link MessageRequest#cause()} twice queues one message.
     *
     * @param request what to say, to whom, why
     */
    void queue(MessageRequest request);
}
