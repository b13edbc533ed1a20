/**
 * RFC 9457 problem details: one family of exception mappers (and the container's error pages)
 * turns every failure into {@code application/problem+json} with a stable machine-readable
 * {@code code}; stack traces never reach the client.
 */
package dev.loyalty.adapters.web.problem;
