/** The {@code Idempotency-Key} header of state-changing POSTs. */
package dev.loyalty.adapters.web.idempotency;
