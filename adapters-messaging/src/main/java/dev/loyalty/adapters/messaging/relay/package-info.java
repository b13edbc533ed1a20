/** The relay workers of each instance: threads that keep sending what the outbox holds. */
package dev.loyalty.adapters.messaging.relay;
