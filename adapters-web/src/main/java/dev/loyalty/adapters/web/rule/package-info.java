/** {@code /rules}: the console's "when the customer does X, do Y", and why a rule fired or not. */
package dev.loyalty.adapters.web.rule;
