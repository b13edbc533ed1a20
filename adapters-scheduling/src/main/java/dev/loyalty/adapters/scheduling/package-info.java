/**
 * A driving adapter: the service's clock-driven work (reactions to customer events every second,
 * points expiry, the purge of idempotency keys, the nightly tier review) on non-persistent EJB
 * timers that call the application's jobs, and the threads of each instance (campaign runs, imports,
 * and the polling workers - message relay, reactions, metrics' catch-up - which loop the same way, {@link
 * dev.loyalty.adapters.scheduling.WorkerLoop}). The only place where {@code @Schedule} is used.
 */
package dev.loyalty.adapters.scheduling;
