package dev.loyalty.application.device;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DeviceToken;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Registers and unregisters the app's devices, each in its own transaction. Logs carry the
 * customer id and the token's short form only.
 */
@ApplicationScoped
public class DeviceService implements DeviceUseCases {

    private static final Logger LOG = Logger.getLogger(DeviceService.class.getName());

    private final Devices devices;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected DeviceService() {
        this(null, null, null);
    }

    @Inject
    public DeviceService(Devices devices, Customers customers, Clock clock) {
        this.devices = devices;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Device register(RegisterDeviceCommand command) {
        CustomerId customerId = caller(command.actor());
        if (customers.byId(customerId).filter(c -> !c.isErased()).isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        Device device = new Device(
                command.token(),
                customerId,
                command.platform(),
                command.language(),
                command.appVersion(),
                clock.instant());
        devices.register(device, Device.MAX_PER_CUSTOMER);
        LOG.fine(() ->
                "Device " + device.token() + " (" + device.platform() + ") registered for customer " + customerId);
        return device;
    }

    @Override
    @Transactional
    public void unregister(DeviceToken token, Actor actor) {
        CustomerId customerId = caller(actor);
        if (devices.remove(customerId, token)) {
            LOG.fine(() -> "Device " + token + " unregistered by customer " + customerId);
        }
    }

    private static CustomerId caller(Actor actor) {
        return actor.customerId().orElseThrow(() -> new AccessDeniedException("devices are registered by the app"));
    }
}
