package dev.loyalty.adapters.persistence.device;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.device.Devices;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The devices in table {@code customer_device}: a registration is an upsert on the token (so a
 * token moves to the customer who registers it, and two registrations of one token at once leave
 * one row), then the customer's rows beyond the most recent ones are deleted.
 */
@ApplicationScoped
public class SqlDevices implements Devices {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlDevices() {}

    /** For tests outside the container. */
    public SqlDevices(EntityManager em) {
        this.em = em;
    }

    @Override
    public void register(Device device, int keep) {
        em.createNativeQuery("INSERT INTO customer_device"
                        + " (token, customer_id, platform, language, app_version, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE customer_id = VALUES(customer_id),"
                        + " platform = VALUES(platform), language = VALUES(language),"
                        + " app_version = VALUES(app_version), registered_at = VALUES(registered_at)")
                .setParameter(1, device.token().value())
                .setParameter(2, device.customerId().toString())
                .setParameter(3, device.platform().name())
                .setParameter(4, device.language().map(LanguageTag::value).orElse(null))
                .setParameter(5, device.appVersion().orElse(null))
                .setParameter(6, UtcTimes.utc(device.registeredAt()))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM customer_device WHERE customer_id = ? AND token NOT IN"
                        + " (SELECT token FROM (SELECT token FROM customer_device WHERE customer_id = ?"
                        + " ORDER BY registered_at DESC, token LIMIT ?) AS kept)")
                .setParameter(1, device.customerId().toString())
                .setParameter(2, device.customerId().toString())
                .setParameter(3, keep)
                .executeUpdate();
    }

    @Override
    public boolean remove(CustomerId customerId, DeviceToken token) {
        return em.createNativeQuery("DELETE FROM customer_device WHERE token = ? AND customer_id = ?")
                        .setParameter(1, token.value())
                        .setParameter(2, customerId.toString())
                        .executeUpdate()
                > 0;
    }

    /** One query for all of them, newest registration first per customer. */
    @Override
    public java.util.Map<CustomerId, Optional<LanguageTag>> appLanguages(Collection<CustomerId> customers) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().toList();
        java.util.Map<CustomerId, Optional<LanguageTag>> apps = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return apps;
        }
        jakarta.persistence.Query query = em.createNativeQuery("SELECT customer_id, language FROM customer_device"
                + " WHERE customer_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")"
                + " ORDER BY customer_id, registered_at DESC, token");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            CustomerId customer = CustomerId.parse(String.valueOf(row[0]));
            Optional<LanguageTag> language =
                    Optional.ofNullable((String) row[1]).map(LanguageTag::new);
            // the first row said for the newest device; a later one fills in only if none said yet
            apps.merge(customer, language, (said, older) -> said.isPresent() ? said : older);
        }
        return apps;
    }

    @Override
    public List<Device> ofCustomer(CustomerId customerId) {
        List<?> rows = em.createNativeQuery("SELECT token, platform, language, app_version, registered_at"
                        + " FROM customer_device WHERE customer_id = ? ORDER BY registered_at DESC, token")
                .setParameter(1, customerId.toString())
                .getResultList();
        List<Device> devices = new ArrayList<>(rows.size());
        for (Object raw : rows) {
            Object[] row = (Object[]) raw;
            devices.add(new Device(
                    new DeviceToken((String) row[0]),
                    customerId,
                    DevicePlatform.valueOf((String) row[1]),
                    Optional.ofNullable((String) row[2]).map(LanguageTag::new),
                    Optional.ofNullable((String) row[3]),
                    UtcTimes.instant(localDateTime(row[4]))));
        }
        return devices;
    }

    /** One query for all the customers' devices. */
    @Override
    public java.util.Map<CustomerId, List<Device>> ofCustomers(Collection<CustomerId> customers) {
        java.util.Map<CustomerId, List<Device>> all = new java.util.HashMap<>();
        List<String> keys =
                customers.stream().map(CustomerId::toString).distinct().toList();
        if (keys.isEmpty()) {
            return all;
        }
        keys.forEach(key -> all.put(new CustomerId(java.util.UUID.fromString(key)), new ArrayList<>()));
        var query = em.createNativeQuery("SELECT token, platform, language, app_version, registered_at, customer_id"
                + " FROM customer_device WHERE customer_id IN ("
                + String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))
                + ") ORDER BY registered_at DESC, token");
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            CustomerId customer = new CustomerId(java.util.UUID.fromString((String) row[5]));
            all.computeIfAbsent(customer, c -> new ArrayList<>())
                    .add(new Device(
                            new DeviceToken((String) row[0]),
                            customer,
                            DevicePlatform.valueOf((String) row[1]),
                            Optional.ofNullable((String) row[2]).map(LanguageTag::new),
                            Optional.ofNullable((String) row[3]),
                            UtcTimes.instant(localDateTime(row[4]))));
        }
        return all;
    }

    @Override
    public int forget(Collection<DeviceToken> tokens) {
        int forgotten = 0;
        for (DeviceToken token : tokens) {
            forgotten += em.createNativeQuery("DELETE FROM customer_device WHERE token = ?")
                    .setParameter(1, token.value())
                    .executeUpdate();
        }
        return forgotten;
    }

    private static LocalDateTime localDateTime(Object value) {
        if (value instanceof LocalDateTime time) {
            return time;
        }
        return ((java.sql.Timestamp) value).toLocalDateTime();
    }
}
