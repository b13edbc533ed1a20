package dev.loyalty.application.activity;

import dev.loyalty.domain.customer.Customer;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One concern that reacts to a customer's event (the rules, the missions, the referrals, ...). The
 * relay calls every reactor on each due event, in the order of {@link #order()}, inside one
 * transaction that holds the customer's wallet lock and marks the event reacted to; a reactor that
 * throws rolls back the reactions of every reactor to that event, which is then tried again. A new
 * concern adds a reactor (a CDI bean implementing this interface) and touches no other.
 */
public interface Reactor {

    /**
     * @return where this reactor runs among the others, lower first (reactors of equal order run
     *     by class name): effects of an earlier reactor (points, coupons) are visible to the later
     *     ones
     */
    int order();

    /**
     * Reacts to one due event of a customer who is enrolled and not erased.
     *
     * @param due the event, claimed by the relay
     * @param customer its customer, read under the wallet lock
     * @param now the reaction's time
     */
    void react(DueActivity due, Customer customer, Instant now);

    /**
     * Runs a batch's reactions ({@link #react} on each of its events, distinct customers) in their
     * transaction: a reactor may keep its writes back and make them together when {@code reactions}
     * returned, and read what it needs of the whole batch before. By default it does nothing around
     * them.
     *
     * @param batch the batch's events
     * @param reactions the batch's reactions, by every reactor
     * @return what {@code reactions} returned
     */
    default <T> T inBatch(List<DueActivity> batch, Supplier<T> reactions) {
        return reactions.get();
    }
}
