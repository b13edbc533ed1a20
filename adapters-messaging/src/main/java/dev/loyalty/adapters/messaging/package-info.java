/**
 * The gateways behind the application's messaging ports, chosen and configured by MicroProfile
 * Config: SMS through the Twilio Messages API (or any compatible provider), e-mail through any SMTP
 * relay, push through an FCM HTTP v1 endpoint, each with a logging provider as the default so the
 * service runs without credentials; and the relay workers that send what the outbox holds.
 */
package dev.loyalty.adapters.messaging;
