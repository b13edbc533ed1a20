/**
 * Customer use cases: enrolment, lookup and profile update (driving ports, their commands and
 * {@link dev.loyalty.application.customer.CustomerService}), and the driven ports they need
 * ({@link dev.loyalty.application.customer.Customers},
 * {@link dev.loyalty.application.customer.CardNumberSerials}).
 */
package dev.loyalty.application.customer;
