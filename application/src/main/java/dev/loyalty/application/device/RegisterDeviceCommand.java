package dev.loyalty.application.device;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import java.util.Objects;
import java.util.Optional;

/**
 * The app registers (or registers again) the device it runs on for the calling customer.
 *
 * @param token the push registration token
 * @param platform where the app runs
 * @param language the app's language, if given
 * @param appVersion the app's version, if given
 * @param actor the caller (a customer)
 */
public record RegisterDeviceCommand(
        DeviceToken token,
        DevicePlatform platform,
        Optional<LanguageTag> language,
        Optional<String> appVersion,
        Actor actor) {

    /** Checks the components (the device's own rules are checked when it is built). */
    public RegisterDeviceCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(actor, "actor");
    }
}
