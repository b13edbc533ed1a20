/** The rewards catalogue and claims: points spent on a coupon, atomically. */
package dev.loyalty.application.reward;
