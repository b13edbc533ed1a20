/**
 * The ground floor every use case stands on: the driven ports of the customer's account that many
 * capabilities share - the customers ({@link dev.loyalty.application.account.Customers}) and
 * their wallets ({@link dev.loyalty.application.account.Wallets}) - and the one way rewards earn
 * points ({@link dev.loyalty.application.account.PointsAwards}). It imports no use-case package
 * (checked by the architecture test), so any use case may import it without making a loop.
 */
package dev.loyalty.application.account;
