package dev.loyalty.domain.device;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One installation of the app that receives the customer's push notifications. A token belongs to
 * one customer at a time: registered again by another customer (a shared phone, a new sign-in) it
 * moves to that customer.
 *
 * @param token the push registration token
 * @param customerId whose notifications it receives
 * @param platform where the app runs
 * @param language the language the app runs in, as it said, if it did
 * @param appVersion the app's version, as it said (at most {@value #MAX_APP_VERSION} printable
 *     characters), if it did
 * @param registeredAt when it was (last) registered
 */
public record Device(
        DeviceToken token,
        CustomerId customerId,
        DevicePlatform platform,
        Optional<LanguageTag> language,
        Optional<String> appVersion,
        Instant registeredAt) {

    /** The longest app version accepted. */
    public static final int MAX_APP_VERSION = 64;

    /** How many devices a customer keeps: registering one more forgets the least recently registered. */
    public static final int MAX_PER_CUSTOMER = 10;

    private static final Pattern APP_VERSION = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,63}");

    /** Validates the components. */
    public Device {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(customerId, "customerId");
        if (platform == null) {
            throw new InvalidValueException("platform", "platform must be one of ANDROID, IOS, WEB");
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(appVersion, "appVersion");
        appVersion = appVersion.map(String::strip).filter(v -> !v.isEmpty());
        if (appVersion.isPresent() && !APP_VERSION.matcher(appVersion.get()).matches()) {
            throw new InvalidValueException(
                    "appVersion", "appVersion must be at most " + MAX_APP_VERSION + " printable ASCII characters");
        }
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
