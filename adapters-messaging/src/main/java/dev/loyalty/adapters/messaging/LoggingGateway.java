package dev.loyalty.adapters.messaging;

import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import java.util.logging.Logger;

/**
 * The default provider of every channel: accepts each message and logs that it did, with the
 * message's and the customer's ids and the text's length, never the address or the text. The
 * message is recorded as SENT like any other.
 */
public final class LoggingGateway implements MessageGateway {

    private static final Logger LOG = Logger.getLogger(LoggingGateway.class.getName());

    @Override
    public Accepted send(OutgoingMessage message) {
        LOG.info(() -> "Message " + message.id() + " to customer " + message.customerId() + " on "
                + message.channel() + " (" + message.kind() + ", "
                + message.text().length()
                + " characters) logged, not sent: no provider is configured for " + message.channel());
        return new Accepted("log-" + message.id(), "log");
    }
}
