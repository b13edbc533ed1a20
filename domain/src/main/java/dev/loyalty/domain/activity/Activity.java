package dev.loyalty.domain.activity;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a known customer did, as rules and missions judge it.
 *
 * @param eventId the event's id (the integration's, or the service's own)
 * @param type what kind of event
 * @param customerId who
 * @param storeId the store it happened in, or {@code null}
 * @param occurredAt when it happened
 * @param attributes its facts: strings, whole numbers, booleans, lists of strings
 * @param source who told us: rules and missions accept only the sources they name
 */
public record Activity(
        String eventId,
        EventType type,
        CustomerId customerId,
        String storeId,
        Instant occurredAt,
        Map<String, Object> attributes,
        EventSource source) {

    /** A purchase's net after discounts, in cents (PURCHASE_RECORDED). */
    public static final String NET = "net";
    /** The categories a purchase's lines belong to (PURCHASE_RECORDED). */
    public static final String CATEGORIES = "categories";
    /** STORE or ONLINE. */
    public static final String CHANNEL = "channel";

    /** Checks the components. */
    public Activity {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        attributes = Map.copyOf(attributes);
    }

    /** The service's own event (a purchase, an enrolment, a completed mission). */
    public Activity(
            String eventId,
            EventType type,
            CustomerId customerId,
            String storeId,
            Instant occurredAt,
            Map<String, Object> attributes) {
        this(eventId, type, customerId, storeId, occurredAt, attributes, EventSource.SERVICE);
    }

    /**
     * @param name an attribute
     * @return its value as text ({@code 42}, {@code true}, {@code a,b} for a list), if present
     */
    public Optional<String> text(String name) {
        Object value = attributes.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of(
                    String.join(",", list.stream().map(String::valueOf).toList()));
        }
        return Optional.of(String.valueOf(value));
    }

    /**
     * @param name an attribute
     * @return its value as a whole number, if it is one
     */
    public Optional<Long> number(String name) {
        Object value = attributes.get(name);
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** @return the categories of a purchase (empty for other events) */
    public List<String> categories() {
        Object value = attributes.get(CATEGORIES);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** @return the sales channel, when the event has one */
    public Optional<String> channel() {
        return text(CHANNEL);
    }
}
