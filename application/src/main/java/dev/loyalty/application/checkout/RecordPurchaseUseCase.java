package dev.loyalty.application.checkout;

/**
 * Records a purchase in one transaction: the receipt and its lines, the coupons redeemed, the points
 * earned, what happened for the rules to react to, and - at a till - the customer's messages printed
 * on the receipt. A coupon that cannot be applied rejects the whole purchase, and nothing is stored.
 */
public interface RecordPurchaseUseCase {

    /**
     * @throws dev.loyalty.domain.coupon.CouponRejectedException with the first coupon that cannot be applied
     * @throws dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException for a receipt recorded before
     * @throws dev.loyalty.domain.shared.AccessDeniedException for a terminal of another store, or a customer
     */
    PurchaseReceipt record(RecordPurchaseCommand command);
}
