package dev.loyalty.application.checkout;

/**
 * A till asks what a basket costs with its coupons, what it would earn and what its receipt would
 * print for the customer; nothing changes.
 */
public interface QuoteCheckoutUseCase {

    Quote quote(QuoteCommand command);
}
