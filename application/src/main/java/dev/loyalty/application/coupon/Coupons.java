package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * The stored coupons. Codes are unique: adding a coupon whose code exists already is a
 * {@link CouponCodeTakenException}, and nothing of that call is stored. A coupon changes state only
 * through {@link #saveTransition}, which writes nothing unless the stored status is still the one
 * the change started from.
 */
public interface Coupons {

    void addAll(List<Coupon> coupons);

    /**
     * What a campaign writes on a coupon it issued: the campaign's id and, for a personal offer,
     * the coupon's own figures (the till enforces them over the template's).
     *
     * @param campaign the campaign's id
     * @param valueCents the coupon's own value, if it has one
     * @param minSpendCents its own minimum spend, if it has one
     * @param category the category it applies to, if one
     */
    record CampaignMark(
            String campaign, Optional<Long> valueCents, Optional<Long> minSpendCents, Optional<String> category) {}

    /**
     * Adds a campaign's coupons as {@link #addAll} does, each stored with its mark at once (not
     * rewritten by a second statement).
     *
     * @param marks each coupon's mark, in the same order
     */
    void addAllMarked(List<Coupon> coupons, List<CampaignMark> marks);

    Optional<Coupon> byCode(CouponCode code);

    /**
     * Reads the coupon and locks it until the transaction ends (a purchase about to redeem it, or a
     * reversal about to restore it).
     */
    Optional<Coupon> lockedByCode(CouponCode code);

    /**
     * Writes the coupon's new status (and redemption reference) when its stored status is still
     * {@code from}.
     *
     * @param coupon the coupon after the change
     * @param from the status it had when read
     * @param redeemedBy the customer who redeemed it (when it is now REDEEMED), else {@code null}
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when the stored status is no longer {@code from}
     */
    void saveTransition(Coupon coupon, CouponStatus from, CustomerId redeemedBy);

    /** How many coupons of the template are redeemed, by anyone. */
    long redeemedCount(CouponTemplateId templateId);

    /** How many coupons of the template this customer has redeemed (personal or bearer). */
    long redeemedCount(CouponTemplateId templateId, CustomerId customerId);

    /** A customer's personal coupons, the newest issued first. */
    List<Coupon> ofCustomer(CustomerId customerId);
}
