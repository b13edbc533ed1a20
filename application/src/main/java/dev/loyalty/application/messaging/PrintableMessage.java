package dev.loyalty.application.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A block a till prints on the customer's next quote or receipt.
 *
 * @param messageId the message
 * @param text what to print
 * @param queuedAt when it was queued
 */
public record PrintableMessage(UUID messageId, String text, Instant queuedAt) {}
