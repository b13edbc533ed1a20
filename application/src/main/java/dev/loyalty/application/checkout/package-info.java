/** The checkout: what a basket would cost and earn with its coupons (the quote), and later the purchase itself. */
package dev.loyalty.application.checkout;
