/** The versions of the earning rules in MariaDB. */
package dev.loyalty.adapters.persistence.earning;
