package dev.loyalty.domain.coupon;

/** Where a purchase happens, and so where a coupon may be used. */
public enum SalesChannel {
    /** At a till in a store. */
    STORE,
    /** In the web shop or the app. */
    ONLINE
}
