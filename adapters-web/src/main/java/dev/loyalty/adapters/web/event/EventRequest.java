package dev.loyalty.adapters.web.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /events}: what a customer did.
 *
 * @param eventId the sender's id for it; a retry sends the same
 * @param customerId our customer id (or email, or phone)
 * @param email the customer's e-mail
 * @param phone the customer's phone, E.164
 * @param type the event type, e.g. NEWSLETTER_SUBSCRIBED
 * @param occurredAt when, ISO-8601 with offset; now when left out
 * @param attributes flat facts: strings, numbers, booleans, lists of those
 */
public record EventRequest(
        @NotBlank @Size(max = 100) String eventId,
        @Size(max = 64) String customerId,
        @Size(max = 254) String email,
        @Size(max = 32) String phone,
        @NotBlank @Size(max = 64) String type,
        @Size(max = 64) String occurredAt,
        Map<String, Object> attributes) {}
