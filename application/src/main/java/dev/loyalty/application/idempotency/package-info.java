/**
 * Exactly-once state changes over an unreliable network: a client's {@code Idempotency-Key}
 * recorded with the response in the same transaction as the change it caused.
 */
package dev.loyalty.application.idempotency;
