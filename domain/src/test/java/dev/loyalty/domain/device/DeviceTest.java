package dev.loyalty.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceTest {

    static final String FCM_TOKEN = "fHq3-x7:APA91bE_k2h0JQ1z0mLr9u8dP3sVgN4yQwT7cK1aZbXo";

    @Test
    void aRegistrationTokenIsNeverWrittenOutWhole() {
        DeviceToken token = new DeviceToken(FCM_TOKEN);

        assertThat(token.toString()).isEqualTo("...1aZbXo");
        assertThat(token.toString()).doesNotContain("APA91");
    }

    @Test
    void aTokenWithOtherCharactersOrTooLongOrTooShortIsRefusedNamingTheField() {
        for (String bad : new String[] {"short", FCM_TOKEN + "/../x", FCM_TOKEN + " ", "x".repeat(513), ""}) {
            assertThatThrownBy(() -> new DeviceToken(bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("deviceToken"));
        }
        assertThat(new DeviceToken("x".repeat(512)).value()).hasSize(512);
    }

    @Test
    void aDeviceNeedsItsPlatformAndAPrintableAppVersion() {
        CustomerId customer = CustomerId.newId();
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        assertThatThrownBy(() ->
                        new Device(new DeviceToken(FCM_TOKEN), customer, null, Optional.empty(), Optional.empty(), now))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("platform"));
        assertThatThrownBy(() -> new Device(
                        new DeviceToken(FCM_TOKEN),
                        customer,
                        DevicePlatform.IOS,
                        Optional.empty(),
                        Optional.of("1.0\n<script>"),
                        now))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("appVersion"));

        Device device = new Device(
                new DeviceToken(FCM_TOKEN),
                customer,
                DevicePlatform.ANDROID,
                Optional.of(LanguageTag.of("it_it", "language")),
                Optional.of(" 4.2.0 (812) "),
                now);
        assertThat(device.appVersion()).contains("4.2.0 (812)");
        assertThat(device.language().orElseThrow().value()).isEqualTo("it-IT");
    }
}
