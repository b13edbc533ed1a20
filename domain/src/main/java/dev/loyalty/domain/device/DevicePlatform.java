package dev.loyalty.domain.device;

/** Where the app runs. */
public enum DevicePlatform {
    ANDROID,
    IOS,
    WEB
}
