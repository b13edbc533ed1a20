package dev.loyalty.application.device;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DeviceToken;

/**
 * Driving port: the app registers the device it runs on to receive the customer's push
 * notifications, and unregisters it (sign-out). Both are idempotent; only a customer calls them,
 * for itself.
 */
public interface DeviceUseCases {

    /**
     * Registers the token for the calling customer (a token another customer held moves to the
     * caller); registering it again updates platform, language and version.
     *
     * @return the device as stored
     * @throws dev.loyalty.domain.shared.AccessDeniedException when the caller is not a customer
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when the customer does not exist or was erased
     */
    Device register(RegisterDeviceCommand command);

    /**
     * Unregisters the token if the calling customer holds it; another customer's token, or none, is
     * left alone and answered the same (existence does not leak).
     *
     * @throws dev.loyalty.domain.shared.AccessDeniedException when the caller is not a customer
     */
    void unregister(DeviceToken token, Actor actor);
}
