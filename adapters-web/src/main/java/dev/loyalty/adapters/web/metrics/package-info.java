/**
 * {@code /customers/{id}/profile}, {@code /me/profile} and {@code /metrics/rebuild}: the single
 * customer view for the console and the part of it a customer sees, and the on-demand rebuild.
 */
package dev.loyalty.adapters.web.metrics;
