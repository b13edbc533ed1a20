/** The database itself: Flyway migrations at start-up and the readiness check. */
package dev.loyalty.adapters.persistence.schema;
