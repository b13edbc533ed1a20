/**
 * What an operator watches, published at {@code /metrics} (MicroProfile Metrics, application
 * scope): every API operation's requests by status, its latency, its problems by code and its
 * idempotent replays. The figures of the store (outbox, reactions' backlog, points) are published
 * by the persistence adapter.
 */
package dev.loyalty.adapters.web.operations;
