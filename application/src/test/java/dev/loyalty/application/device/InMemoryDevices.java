package dev.loyalty.application.device;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The devices in memory, most recently registered first, with the same rules as the database's. */
public final class InMemoryDevices implements Devices {

    private final List<Device> stored = new ArrayList<>();

    /** Registers an Android device of the customer with that token. */
    public void add(CustomerId customer, String token) {
        register(
                new Device(
                        new DeviceToken(token),
                        customer,
                        DevicePlatform.ANDROID,
                        Optional.empty(),
                        Optional.empty(),
                        Instant.parse("2026-11-23T09:00:00Z")),
                Device.MAX_PER_CUSTOMER);
    }

    @Override
    public void register(Device device, int keep) {
        stored.removeIf(d -> d.token().equals(device.token()));
        stored.add(0, device);
        List<Device> mine = ofCustomer(device.customerId());
        if (mine.size() > keep) {
            stored.removeAll(mine.subList(keep, mine.size()));
        }
    }

    @Override
    public boolean remove(CustomerId customerId, DeviceToken token) {
        return stored.removeIf(d -> d.token().equals(token) && d.customerId().equals(customerId));
    }

    @Override
    public List<Device> ofCustomer(CustomerId customerId) {
        return stored.stream().filter(d -> d.customerId().equals(customerId)).toList();
    }

    @Override
    public int forget(Collection<DeviceToken> tokens) {
        int before = stored.size();
        stored.removeIf(d -> tokens.contains(d.token()));
        return before - stored.size();
    }
}
