/**
 * The HTTP API under {@code /api/v1}: JAX-RS resources that translate requests into the
 * application's use cases and results into JSON, secured by MicroProfile JWT.
 */
package dev.loyalty.adapters.web;
