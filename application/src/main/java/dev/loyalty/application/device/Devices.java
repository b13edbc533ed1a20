package dev.loyalty.application.device;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DeviceToken;
import java.util.Collection;
import java.util.List;

/** Driven port: the registered app devices, one row per registration token. */
public interface Devices {

    /**
     * Stores the device, replacing the row of the same token (whoever held it: the token moves to
     * this customer), then forgets the customer's least recently registered devices beyond {@code
     * keep}.
     *
     * @param device the device
     * @param keep how many devices a customer keeps
     */
    void register(Device device, int keep);

    /**
     * @param customerId the holder
     * @param token the token
     * @return whether the customer held that token (and no longer does)
     */
    boolean remove(CustomerId customerId, DeviceToken token);

    /** @return the customer's devices, most recently registered first */
    List<Device> ofCustomer(CustomerId customerId);

    /** @return those of the customers given who have a device registered (one read where the store can) */
    default java.util.Set<CustomerId> withDevices(java.util.Collection<CustomerId> customers) {
        java.util.Set<CustomerId> with = new java.util.HashSet<>();
        for (CustomerId customer : customers) {
            if (!ofCustomer(customer).isEmpty()) {
                with.add(customer);
            }
        }
        return with;
    }

    /**
     * Forgets tokens whoever holds them (the push provider said they no longer reach an app).
     *
     * @return how many were held
     */
    int forget(Collection<DeviceToken> tokens);
}
