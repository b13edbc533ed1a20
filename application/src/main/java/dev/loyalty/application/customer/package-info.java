/**
 * Customer use cases: enrolment, lookup and profile update (driving ports, their commands and
 * {@link dev.loyalty.application.customer.CustomerService}), and the driven port only they need
 * ({@link dev.loyalty.application.customer.CardNumberSerials}); the customers themselves are kept
 * behind {@link dev.loyalty.application.account.Customers}, on the ground floor.
 */
package dev.loyalty.application.customer;
