/**
 * The points wallet of a customer: an append-only ledger of {@link dev.loyalty.domain.wallet.WalletEntry}
 * entries (earn, burn, expire, reverse, adjust) whose sum is the balance, never below zero.
 * {@link dev.loyalty.domain.wallet.Wallet} is the aggregate; every command returns the
 * {@link dev.loyalty.domain.wallet.WalletEvent}s that happened. Plain Java only.
 */
package dev.loyalty.domain.wallet;
