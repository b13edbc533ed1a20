/** A customer's timeline, merged in SQL from events, the ledger and coupons. */
package dev.loyalty.adapters.persistence.timeline;
