/** Purchases, their lines, coupons and reversals in MariaDB. */
package dev.loyalty.adapters.persistence.purchase;
