/**
 * The data's clock-driven housekeeping (points expiry, the purge of idempotency keys), on EJB
 * timers beside the schema migrations, which are the other piece of EJB in the service.
 */
package dev.loyalty.adapters.persistence.jobs;
