/** The checkout over HTTP: the till's quote (and later the purchase). */
package dev.loyalty.adapters.web.checkout;
