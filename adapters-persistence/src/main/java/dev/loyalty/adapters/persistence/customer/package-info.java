/** Customers in MariaDB: their row, their append-only consent evidence, the card-number sequence. */
package dev.loyalty.adapters.persistence.customer;
