/** Enrolment at the till or online, the cashier's lookup, and the customer's own profile. */
package dev.loyalty.adapters.web.customer;
