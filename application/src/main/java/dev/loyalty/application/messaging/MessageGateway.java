package dev.loyalty.application.messaging;

/**
 * Driven port: a provider that takes messages of one channel (SMS, e-mail, push). Accepting a
 * message means the provider took responsibility for it; it may report delivery later.
 */
@FunctionalInterface
public interface MessageGateway {

    /**
     * @param message the message, with its stable id
     * @return the provider's receipt
     * @throws GatewayException when the provider did not accept it
     */
    Accepted send(OutgoingMessage message);

    /**
     * A provider's receipt.
     *
     * @param providerId the provider's id for the message (used by its delivery reports)
     * @param provider the provider's name, for the history
     */
    record Accepted(String providerId, String provider) {}
}
