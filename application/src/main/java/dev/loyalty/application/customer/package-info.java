/**
 * Customer use cases: enrolment, lookup and profile update (driving ports, their commands and
 * {@link dev.loyalty.application.customer.CustomerService}), the till's lookup with the wallet
 * figures and tier standing it shows ({@link dev.loyalty.application.customer.TillLookupService}),
 * and the driven ports only they need ({@link dev.loyalty.application.customer.CardNumberSerials},
 * {@link dev.loyalty.application.customer.CustomerSummaries}); the customers themselves are kept
 * behind {@link dev.loyalty.application.account.Customers}, on the ground floor.
 */
package dev.loyalty.application.customer;
