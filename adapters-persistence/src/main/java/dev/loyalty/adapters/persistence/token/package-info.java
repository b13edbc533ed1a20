/** The token revocation list in MariaDB. */
package dev.loyalty.adapters.persistence.token;
