package dev.loyalty.domain.messaging;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Messages for tests, shared through the test-jar: one queued marketing SMS, and the same in any status. */
public final class MessageFixtures {

    /** When the fixtures' messages are queued. */
    public static final Instant QUEUED_AT = Instant.parse("2026-11-23T10:00:00Z");

    private MessageFixtures() {}

    /** @return a QUEUED marketing SMS for a new customer, with a value to fill and a store */
    public static Message aQueuedMessage() {
        return Message.queue(
                UUID.randomUUID(),
                CustomerId.newId(),
                "rule:" + UUID.randomUUID(),
                new Message.Routing(MessageKind.MARKETING, 3, Optional.of(Channel.SMS), Optional.of("MI-001")),
                new Message.Content("Ciao {firstName}, {couponCode}", Map.of("couponCode", "K7P&2=Q X")),
                Optional.of(Channel.SMS),
                QUEUED_AT);
    }

    /**
     * @param status the status wanted
     * @return {@link #aQueuedMessage()} taken to {@code status} the way the relay and the console
     *     would (SENT through a provider, DELIVERED after that, FAILED and SUPPRESSED with a reason)
     */
    public static Message aMessageIn(MessageStatus status) {
        Message message = aQueuedMessage();
        Instant later = QUEUED_AT.plusSeconds(60);
        switch (status) {
            case QUEUED -> {}
            case SENT -> message.acceptedBy("SM-1", later);
            case DELIVERED -> {
                message.acceptedBy("SM-1", later);
                message.deliver();
            }
            case FAILED -> message.fail("attempt 1 failed: 21211 invalid number (permanent)");
            case SUPPRESSED -> message.suppress("no consent MARKETING_SMS");
        }
        return message;
    }
}
