package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MessageKind;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as a gateway sends it: rendered, addressed. Its {@code id} is the outbox message's
 * stable id, the same at every attempt, for providers that accept an idempotency key. The address
 * and the text are personal data: gateways never log them.
 *
 * @param id the stable message id
 * @param customerId to whom (for logs and push topics)
 * @param channel the channel
 * @param kind marketing or transactional
 * @param address the phone number (E.164), e-mail address or push topic
 * @param subject a subject line (e-mail, push title)
 * @param text the rendered text
 * @param unsubscribeUrl for marketing e-mail: the link that withdraws the consent
 */
public record OutgoingMessage(
        UUID id,
        CustomerId customerId,
        Channel channel,
        MessageKind kind,
        String address,
        String subject,
        String text,
        Optional<String> unsubscribeUrl) {

    /** Checks the components. */
    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
    }

    /** Ids only: no address, no text. */
    @Override
    public String toString() {
        return "OutgoingMessage[id=" + id + ", customer=" + customerId + ", channel=" + channel + "]";
    }
}
