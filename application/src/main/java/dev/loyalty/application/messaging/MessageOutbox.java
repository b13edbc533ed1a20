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

    /**
     * Queues a message like {@link #queue} and says what the outbox judged at once: the message's
     * id (empty when its cause was queued before), the channel chosen for it, or why no channel may
     * be used (consent, no contact). Marketing pressure is judged when it is sent.
     *
     * @param request what to say, to whom, why
     * @return what the outbox knows at enqueue
     */
    default Queued queueJudged(MessageRequest request) {
        queue(request);
        return new Queued(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * Queues several messages as {@link #queueJudged} does each (a campaign's page), in the caller's
     * transaction, reading what they need for all of them at once where it can. A message judged
     * unreachable (no channel may be used) may be stored SUPPRESSED at once, with that reason, rather
     * than queued for the relay to judge again.
     *
     * @return what the outbox judged for each request, in their order
     */
    default java.util.List<Queued> queueAllJudged(java.util.List<MessageRequest> requests) {
        return requests.stream().map(this::queueJudged).toList();
    }

    /**
     * What the outbox judged when a message was queued.
     *
     * @param messageId the new message, or empty when its cause was queued before
     * @param channel the channel chosen for it
     * @param unreachable why no channel may be used, if none may
     */
    record Queued(
            java.util.Optional<java.util.UUID> messageId,
            java.util.Optional<dev.loyalty.domain.messaging.Channel> channel,
            java.util.Optional<String> unreachable) {}
}
