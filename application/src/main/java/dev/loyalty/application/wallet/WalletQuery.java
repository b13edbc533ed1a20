package dev.loyalty.application.wallet;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;

/** Reading a wallet: its balance, and its statement page by page. */
public interface WalletQuery {

    /** The balance of a customer the actor may see (zero when no points ever moved). */
    Points balance(CustomerId customerId, Actor actor);

    /**
     * The points held for orders that can still be cancelled or returned (issue 18): not spendable,
     * not in the balance; zero when none.
     */
    Points pending(CustomerId customerId, Actor actor);

    WalletStatement statement(CustomerId customerId, Actor actor, int page, int size);
}
