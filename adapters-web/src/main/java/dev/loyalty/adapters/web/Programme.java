package dev.loyalty.adapters.web;

/**
 * The programme's currency: every amount the API takes or gives is in cents of it. It is fixed
 * (the stored coupon templates and the seeded earning rules are in euros too) until programme
 * settings make it one configurable value for all of them.
 */
public final class Programme {

    public static final String CURRENCY = "EUR";

    private Programme() {}
}
