/**
 * Abuse limits: how many lookups, quotes and app events a token, a store or a customer may ask
 * for per window, and the lock-out of a terminal that keeps presenting invalid coupon codes.
 * Counted in this instance's memory: two instances each allow the limit, so the fleet allows the
 * limit times the instances (a load balancer with sticky sessions per token keeps it close).
 */
package dev.loyalty.adapters.web.limit;
