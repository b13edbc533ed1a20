package dev.loyalty.application.checkout;

/** A till asks what a basket costs with its coupons and what it would earn; nothing changes. */
public interface QuoteCheckoutUseCase {

    Quote quote(QuoteCommand command);
}
