/** Use cases of the points wallet: reading the statement, adjusting by hand; the port to the ledger. */
package dev.loyalty.application.wallet;
