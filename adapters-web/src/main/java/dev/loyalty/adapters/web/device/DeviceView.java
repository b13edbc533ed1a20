package dev.loyalty.adapters.web.device;

import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.Device;
import java.time.Instant;

/**
 * A registered device as the app is told it (without the token, which the app already has).
 *
 * @param platform ANDROID, IOS or WEB
 * @param language the app's language, if given
 * @param appVersion the app's version, if given
 * @param registeredAt when it was registered (again)
 */
public record DeviceView(String platform, String language, String appVersion, Instant registeredAt) {

    static DeviceView of(Device device) {
        return new DeviceView(
                device.platform().name(),
                device.language().map(LanguageTag::value).orElse(null),
                device.appVersion().orElse(null),
                device.registeredAt());
    }
}
