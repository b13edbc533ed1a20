package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.Channel;

/**
 * Driven port: the configured gateway of each electronic channel (SMS, e-mail, push). The in-store
 * channels (till print, staff call) need none: the service itself holds them until they are
 * printed or called.
 */
@FunctionalInterface
public interface MessageGateways {

    /**
     * @param channel {@link Channel#SMS}, {@link Channel#EMAIL} or {@link Channel#PUSH}
     * @return its gateway
     */
    MessageGateway forChannel(Channel channel);
}
