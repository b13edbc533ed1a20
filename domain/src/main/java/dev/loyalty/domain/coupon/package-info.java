/**
 * Coupons: templates defined by the marketing team, codes issued from them (personal or
 * bearer), the named policies that decide whether a coupon applies to a basket, composed in
 * {@link dev.loyalty.domain.coupon.CouponEligibility}, and the allocation of a discount over
 * basket lines. Plain Java only.
 */
package dev.loyalty.domain.coupon;
