package dev.loyalty.adapters.persistence.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One {@code domain_event} row: an event's type, aggregate, UTC time and JSON payload. */
@Entity
@Table(name = "domain_event")
public class DomainEventJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    String eventId;

    @Column(name = "type", nullable = false, updatable = false)
    String type;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    String aggregateId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    LocalDateTime occurredAt;

    @Column(name = "payload", nullable = false, updatable = false)
    String payload;

    protected DomainEventJpaEntity() {}
}
