/**
 * What every use case shares: who is calling ({@link dev.loyalty.application.shared.Actor} and
 * its {@link dev.loyalty.application.shared.Role}) and the driven port through which domain events
 * leave the transaction ({@link dev.loyalty.application.shared.DomainEventLog}, an outbox).
 */
package dev.loyalty.application.shared;
