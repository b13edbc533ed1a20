/** Coupons over HTTP: templates and issuing for the console, the customer's own coupons for the app. */
package dev.loyalty.adapters.web.coupon;
