/**
 * Tiers in MariaDB: the programme and its levels, the customers' standings and tier history (JPA),
 * the monthly qualifying activity (upserts in the purchase's transaction) and the set-based review
 * (native SQL, batch by batch, restartable).
 */
package dev.loyalty.adapters.persistence.tier;
