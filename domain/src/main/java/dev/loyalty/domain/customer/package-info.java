/**
 * The loyalty member: enrolment, profile, contact points, card number and the consent
 * evidence trail. {@link dev.loyalty.domain.customer.Customer} is the aggregate; every change
 * returns {@link dev.loyalty.domain.customer.CustomerEvent}s. Plain Java only.
 */
package dev.loyalty.domain.customer;
