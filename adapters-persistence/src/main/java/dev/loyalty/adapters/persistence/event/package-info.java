/** The durable log of domain events, appended in the transaction that caused them. */
package dev.loyalty.adapters.persistence.event;
