/**
 * The app's devices: registration and removal by the customer ({@link
 * dev.loyalty.application.device.DeviceUseCases}) and the {@link
 * dev.loyalty.application.device.Devices} port that push messaging reads and prunes.
 */
package dev.loyalty.application.device;
