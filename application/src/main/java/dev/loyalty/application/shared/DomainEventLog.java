package dev.loyalty.application.shared;

import dev.loyalty.domain.shared.DomainEvent;
import java.util.List;

/**
 * Driven port: the outbox. Appends an event durably within the caller's transaction, so that it
 * is kept if and only if the change that caused it commits; consumers read it after commit.
 */
@FunctionalInterface
public interface DomainEventLog {

    /**
     * @param event what happened, appended in the current transaction
     */
    void append(DomainEvent event);

    /**
     * @param events what happened, appended in the current transaction in this order (an adapter
     *     may write them at once)
     */
    default void appendAll(List<? extends DomainEvent> events) {
        events.forEach(this::append);
    }
}
