/**
 * The customer's app installations that receive push notifications: a {@link
 * dev.loyalty.domain.device.Device} is one registration token of one customer. Plain Java only.
 */
package dev.loyalty.domain.device;
