/**
 * Push notifications through FCM's HTTP v1 API ({@code messages:send}, one request per device),
 * authorised by OAuth 2 access tokens obtained with a service account's key (signed JWT assertion
 * exchanged at the key file's token endpoint, kept until shortly before expiry).
 */
package dev.loyalty.adapters.messaging.push;
