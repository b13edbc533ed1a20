/** Push notifications through an HTTP push provider that speaks the FCM HTTP v1 {@code messages:send} shape. */
package dev.loyalty.adapters.messaging.push;
