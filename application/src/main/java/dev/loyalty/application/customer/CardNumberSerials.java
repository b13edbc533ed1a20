package dev.loyalty.application.customer;

/**
 * Driven port: a source of never-repeating card serials (a database sequence in production),
 * each within [1, 9 999 999 999] so that {@link dev.loyalty.domain.customer.CardNumber#fromSerial}
 * accepts it.
 */
@FunctionalInterface
public interface CardNumberSerials {

    /**
     * @return a serial never returned before
     */
    long next();
}
