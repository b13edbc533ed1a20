/**
 * Tiers over HTTP: {@code PUT/GET /tiers} (the programme), {@code POST /tiers/review} (the review as
 * of an instant), {@code GET/PUT /customers/{id}/tier} (a customer's standing, the console's
 * override) and {@code GET /customers/{id}/tier-history}; the standing's view that {@code GET /me},
 * the till's lookup and the purchase response carry.
 */
package dev.loyalty.adapters.web.tier;
