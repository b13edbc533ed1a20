/** Wallets in MariaDB: the cached balance and version on one row, the ledger entries appended beside it. */
package dev.loyalty.adapters.persistence.wallet;
