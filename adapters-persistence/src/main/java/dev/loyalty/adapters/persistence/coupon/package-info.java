/** Coupon templates and issued coupons in MariaDB. */
package dev.loyalty.adapters.persistence.coupon;
