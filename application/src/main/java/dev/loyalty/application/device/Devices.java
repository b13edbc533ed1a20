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

    /**
     * As {@link #ofCustomer} for several customers at once (a relay's batch): one read where the
     * store can.
     *
     * @return each customer's devices, most recently registered first (an empty list for one with none)
     */
    default java.util.Map<CustomerId, List<Device>> ofCustomers(java.util.Collection<CustomerId> customers) {
        java.util.Map<CustomerId, List<Device>> all = new java.util.HashMap<>();
        for (CustomerId customer : customers) {
            all.put(customer, ofCustomer(customer));
        }
        return all;
    }

    /**
     * One read where the store can, for a page of messages to many customers.
     *
     * @return for each of the customers given who has a device registered, the language the app runs
     *     in: that of the most recently registered device that said one (empty when none did)
     */
    default java.util.Map<CustomerId, java.util.Optional<dev.loyalty.domain.customer.LanguageTag>> appLanguages(
            java.util.Collection<CustomerId> customers) {
        java.util.Map<CustomerId, java.util.Optional<dev.loyalty.domain.customer.LanguageTag>> apps =
                new java.util.HashMap<>();
        for (CustomerId customer : customers) {
            List<Device> mine = ofCustomer(customer);
            if (!mine.isEmpty()) {
                apps.put(customer, appLanguage(mine));
            }
        }
        return apps;
    }

    /** @return the language the app runs in: that of the first of these devices that said one */
    static java.util.Optional<dev.loyalty.domain.customer.LanguageTag> appLanguage(List<Device> newestFirst) {
        return newestFirst.stream()
                .map(Device::language)
                .flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /**
     * Forgets tokens whoever holds them (the push provider said they no longer reach an app).
     *
     * @return how many were held
     */
    int forget(Collection<DeviceToken> tokens);
}
