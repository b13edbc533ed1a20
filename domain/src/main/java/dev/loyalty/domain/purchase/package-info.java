/**
 * Purchases: the receipt of a basket paid at a till or online, with what each line was discounted
 * and earned, and the reversals (voids and refunds) that take that back line by line.
 */
package dev.loyalty.domain.purchase;
