package dev.loyalty.application.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import dev.loyalty.domain.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceServiceTest {

    static final DeviceToken TOKEN = new DeviceToken("cXk1:APA91bHx-registration_token");

    final InMemoryCustomers customers = new InMemoryCustomers();
    final InMemoryDevices devices = new InMemoryDevices();
    final DeviceService service =
            new DeviceService(devices, customers, Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

    Customer enrolled() {
        Customer customer = CustomerFixtures.aCustomer().build();
        customers.add(customer);
        return customer;
    }

    RegisterDeviceCommand register(DeviceToken token, Actor actor) {
        return new RegisterDeviceCommand(
                token, DevicePlatform.IOS, Optional.of(LanguageTag.of("it-IT", "language")), Optional.of("4.2"), actor);
    }

    @Test
    void registeringAgainIsOneDeviceAndATokenMovesToTheCustomerWhoRegistersIt() {
        Customer marco = enrolled();
        Customer elena = enrolled();

        service.register(register(TOKEN, Actor.customer(marco.id())));
        service.register(register(TOKEN, Actor.customer(marco.id())));
        assertThat(devices.ofCustomer(marco.id())).hasSize(1);

        Device moved = service.register(register(TOKEN, Actor.customer(elena.id())));

        assertThat(moved.customerId()).isEqualTo(elena.id());
        assertThat(devices.ofCustomer(marco.id())).isEmpty();
        assertThat(devices.ofCustomer(elena.id())).singleElement().satisfies(d -> {
            assertThat(d.platform()).isEqualTo(DevicePlatform.IOS);
            assertThat(d.language()).contains(LanguageTag.of("it-IT", "language"));
            assertThat(d.appVersion()).contains("4.2");
        });
    }

    @Test
    void aCustomerUnregistersOnlyItsOwnTokens() {
        Customer marco = enrolled();
        Customer elena = enrolled();
        service.register(register(TOKEN, Actor.customer(marco.id())));

        service.unregister(TOKEN, Actor.customer(elena.id()));
        assertThat(devices.ofCustomer(marco.id())).hasSize(1);

        service.unregister(TOKEN, Actor.customer(marco.id()));
        service.unregister(TOKEN, Actor.customer(marco.id()));
        assertThat(devices.ofCustomer(marco.id())).isEmpty();
    }

    @Test
    void aCustomerKeepsItsMostRecentDevicesOnly() {
        Customer marco = enrolled();
        for (int i = 0; i < Device.MAX_PER_CUSTOMER + 2; i++) {
            service.register(register(new DeviceToken("device-token-000000" + (10 + i)), Actor.customer(marco.id())));
        }

        assertThat(devices.ofCustomer(marco.id()))
                .hasSize(Device.MAX_PER_CUSTOMER)
                .noneMatch(d ->
                        d.token().value().endsWith("0010") || d.token().value().endsWith("0011"));
    }

    @Test
    void onlyAnExistingCustomerRegistersADevice() {
        assertThatThrownBy(() -> service.register(register(TOKEN, Actor.admin("console"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.register(register(TOKEN, Actor.terminal("till-1", "MI-001"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.register(register(TOKEN, Actor.customer(CustomerId.newId()))))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> service.unregister(TOKEN, Actor.admin("console")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
