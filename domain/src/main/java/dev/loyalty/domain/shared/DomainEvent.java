package dev.loyalty.domain.shared;

import java.time.Instant;

/**
 * Something that happened to an aggregate, named in the past tense. Implementations are
 * immutable records; {@link #type()} is the stable SCREAMING_SNAKE name consumers match on.
 */
public interface DomainEvent {

    /**
     * @return when it happened
     */
    Instant occurredAt();

    /**
     * @return the stable event name, e.g. {@code CUSTOMER_ENROLLED}
     */
    String type();

    /**
     * @return the identifier of the aggregate it happened to, as a string
     */
    String aggregateId();
}
