package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.MessageStatus;
import java.util.List;
import java.util.UUID;

/** Driving port: the console reads messages with their status history (administrators only). */
public interface MessagesQuery {

    /** @return the customer's messages, newest first, at most {@code limit} */
    List<MessageRecord> ofCustomer(CustomerId customer, int limit, Actor actor);

    /** @return the messages in {@code status} (FAILED: the dead letters), newest first */
    List<MessageRecord> withStatus(MessageStatus status, int limit, Actor actor);

    /** @return one message */
    MessageRecord byId(UUID id, Actor actor);
}
