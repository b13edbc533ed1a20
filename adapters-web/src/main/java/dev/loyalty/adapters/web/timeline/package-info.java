/** {@code /customers/{id}/timeline}: everything that happened to a customer, newest first. */
package dev.loyalty.adapters.web.timeline;
