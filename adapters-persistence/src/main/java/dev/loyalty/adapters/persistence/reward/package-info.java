/** Rewards in MariaDB. */
package dev.loyalty.adapters.persistence.reward;
