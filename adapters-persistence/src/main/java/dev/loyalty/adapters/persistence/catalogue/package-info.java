/** The catalogue in MariaDB: {@code product} and {@code category} (cross-sell ids one line each). */
package dev.loyalty.adapters.persistence.catalogue;
