package dev.loyalty.adapters.persistence.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.device.Devices;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The devices against MariaDB: upsert by token, a token moving between customers, the ten kept, the language. */
class SqlDevicesIT {

    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    static CustomerId aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    static DeviceToken aToken() {
        return new DeviceToken("fcm:" + UUID.randomUUID());
    }

    Device device(DeviceToken token, CustomerId customer, Instant at) {
        return new Device(
                token,
                customer,
                DevicePlatform.ANDROID,
                Optional.of(LanguageTag.of("it-IT", "language")),
                Optional.of("4.2.0"),
                at);
    }

    static void register(Device device) {
        TestDatabase.inTransaction(em -> {
            new SqlDevices(em).register(device, Device.MAX_PER_CUSTOMER);
            return null;
        });
    }

    static List<Device> of(CustomerId customer) {
        return TestDatabase.inTransaction(em -> new SqlDevices(em).ofCustomer(customer));
    }

    static boolean removed(CustomerId customer, DeviceToken token) {
        return TestDatabase.inTransaction(em -> new SqlDevices(em).remove(customer, token));
    }

    static int forgotten(List<DeviceToken> tokens) {
        return TestDatabase.inTransaction(em -> new SqlDevices(em).forget(tokens));
    }

    @Test
    void severalCustomersDevicesAreReadTogetherAsEachOnesAlone() {
        CustomerId marco = aCustomer();
        CustomerId elena = aCustomer();
        CustomerId nobody = aCustomer();
        register(device(aToken(), marco, now.minusSeconds(60)));
        register(device(aToken(), marco, now));
        register(device(aToken(), elena, now));

        java.util.Map<CustomerId, List<Device>> all =
                TestDatabase.inTransaction(em -> new SqlDevices(em).ofCustomers(List.of(marco, elena, nobody)));

        assertThat(all).containsOnlyKeys(marco, elena, nobody);
        assertThat(all.get(marco)).usingRecursiveComparison().isEqualTo(of(marco));
        assertThat(all.get(marco)).hasSize(2);
        assertThat(all.get(elena)).usingRecursiveComparison().isEqualTo(of(elena));
        assertThat(all.get(nobody)).isEmpty();
    }

    @Test
    void aTokenIsOneRowThatMovesToTheCustomerWhoRegistersItLast() {
        CustomerId marco = aCustomer();
        CustomerId elena = aCustomer();
        DeviceToken token = aToken();

        register(device(token, marco, now));
        register(device(token, marco, now.plusSeconds(1)));
        assertThat(of(marco))
                .singleElement()
                .usingRecursiveComparison()
                .isEqualTo(device(token, marco, now.plusSeconds(1)));

        register(device(token, elena, now.plusSeconds(2)));

        assertThat(of(marco)).isEmpty();
        assertThat(of(elena)).extracting(Device::token).containsExactly(token);
        assertThat(removed(marco, token)).isFalse();
        assertThat(removed(elena, token)).isTrue();
        assertThat(of(elena)).isEmpty();
    }

    @Test
    void theAppLanguagesOfSeveralCustomersAreReadAtOnce() {
        CustomerId marco = aCustomer();
        CustomerId elena = aCustomer();
        CustomerId anna = aCustomer();
        CustomerId nobody = aCustomer();
        register(withLanguage(device(aToken(), marco, now), "de-DE"));
        register(withLanguage(device(aToken(), marco, now.plusSeconds(1)), "fr-FR"));
        register(withLanguage(device(aToken(), marco, now.plusSeconds(2)), null));
        register(device(aToken(), elena, now));
        register(withLanguage(device(aToken(), anna, now), null));

        java.util.Map<CustomerId, Optional<LanguageTag>> four =
                TestDatabase.inTransaction(em -> new SqlDevices(em).appLanguages(List.of(marco, elena, anna, nobody)));
        java.util.Map<CustomerId, Optional<LanguageTag>> one =
                TestDatabase.inTransaction(em -> new SqlDevices(em).appLanguages(List.of(nobody)));

        assertThat(four)
                .containsOnlyKeys(marco, elena, anna)
                .containsEntry(marco, Optional.of(LanguageTag.of("fr-FR", "language")))
                .containsEntry(elena, Optional.of(LanguageTag.of("it-IT", "language")))
                .containsEntry(anna, Optional.empty());
        assertThat(four)
                .isEqualTo(TestDatabase.inTransaction(em -> java.util.Map.of(
                        marco, Devices.appLanguage(new SqlDevices(em).ofCustomer(marco)),
                        elena, Devices.appLanguage(new SqlDevices(em).ofCustomer(elena)),
                        anna, Devices.appLanguage(new SqlDevices(em).ofCustomer(anna)))));
        assertThat(one).isEmpty();
    }

    static Device withLanguage(Device device, String language) {
        return new Device(
                device.token(),
                device.customerId(),
                device.platform(),
                Optional.ofNullable(language).map(l -> LanguageTag.of(l, "language")),
                device.appVersion(),
                device.registeredAt());
    }

    @Test
    void aCustomerKeepsTheTenMostRecentlyRegisteredDevices() {
        CustomerId marco = aCustomer();
        List<DeviceToken> tokens =
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> aToken()).toList();
        for (int i = 0; i < tokens.size(); i++) {
            register(device(tokens.get(i), marco, now.plusSeconds(i)));
        }

        List<DeviceToken> newestFirst = new java.util.ArrayList<>(tokens.subList(2, 12));
        java.util.Collections.reverse(newestFirst);
        assertThat(of(marco)).extracting(Device::token).containsExactlyElementsOf(newestFirst);
        assertThat((int) TestDatabase.inTransaction(em -> new SqlDevices(em).forget(List.of(tokens.get(11), aToken()))))
                .isEqualTo(1);
        assertThat(of(marco)).hasSize(9);
    }

    @Test
    void twoCustomersRegisteringOneTokenAtOnceLeaveOneRow() throws Exception {
        DeviceToken token = aToken();
        CustomerId[] customers = {aCustomer(), aCustomer()};
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new java.util.ArrayList<>();
            for (CustomerId customer : customers) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        register(device(token, customer, Instant.now().truncatedTo(ChronoUnit.MICROS)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(of(customers[0]).size() + of(customers[1]).size()).isEqualTo(1);
    }

    @Test
    void theCustomersLanguageIsStoredAndReadBack() {
        Customer customer = CustomerFixtures.aCustomer().build();
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        Customer read = TestDatabase.inTransaction(em -> new JpaCustomers(em).byId(customer.id()))
                .orElseThrow();
        read.updateProfile(CustomerFixtures.aProfileUpdate().language("pt_br").build(), now);
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).update(read);
            return null;
        });

        assertThat(TestDatabase.inTransaction(em -> new JpaCustomers(em).byId(customer.id()))
                        .orElseThrow()
                        .attributes()
                        .knownLanguage())
                .contains(LanguageTag.of("pt-BR", "language"));
    }
}
