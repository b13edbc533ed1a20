/** Use cases of coupons: defining templates, issuing personal and bearer coupons, the customer's own list. */
package dev.loyalty.application.coupon;
