/** The idempotency records in MariaDB. */
package dev.loyalty.adapters.persistence.idempotency;
