package dev.loyalty.adapters.web.device;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /me/devices/{deviceToken}}.
 *
 * @param platform ANDROID, IOS or WEB
 * @param language the app's language (a tag such as {@code it} or {@code it-IT}), if known
 * @param appVersion the app's version, if known
 */
public record DeviceRegistration(
        @NotNull @Size(max = 16) String platform, @Size(max = 35) String language, @Size(max = 64) String appVersion) {}
