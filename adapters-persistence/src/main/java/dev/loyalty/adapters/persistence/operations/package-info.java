/**
 * What an operator watches of the store of record, published at {@code /metrics} (MicroProfile
 * Metrics, application scope): counters of what was committed (points by ledger entry type,
 * domain events by type) and gauges of the queues (the message outbox and its relay's lag, the
 * reactions' backlog and its age, parked events).
 */
package dev.loyalty.adapters.persistence.operations;
