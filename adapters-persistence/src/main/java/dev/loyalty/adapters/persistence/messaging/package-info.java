/** The message outbox and its status history in MariaDB. */
package dev.loyalty.adapters.persistence.messaging;
