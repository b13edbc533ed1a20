package dev.loyalty.application.privacy;

import dev.loyalty.application.coupon.MyCouponsQuery.HeldCoupon;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.question.Answer;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletEntry;
import java.util.List;
import java.util.Map;

/**
 * Everything held about a customer.
 *
 * @param customer the profile and the whole consent history
 * @param balance the points balance
 * @param ledger every wallet entry, the latest first
 * @param coupons the personal coupons
 * @param purchases the purchases, the latest first
 * @param tierHistory the tier changes, the latest first
 * @param answers the answers to the programme's questions, in question order
 * @param records the records of activity as stored ({@link PersonalRecords}), per kind
 */
public record CustomerExport(
        Customer customer,
        Points balance,
        List<WalletEntry> ledger,
        List<HeldCoupon> coupons,
        List<Purchase> purchases,
        List<TierHistoryEntry> tierHistory,
        List<Answer> answers,
        Map<String, List<Map<String, String>>> records) {

    /** An export of a customer without records of activity. */
    public CustomerExport(
            Customer customer,
            Points balance,
            List<WalletEntry> ledger,
            List<HeldCoupon> coupons,
            List<Purchase> purchases,
            List<TierHistoryEntry> tierHistory,
            List<Answer> answers) {
        this(customer, balance, ledger, coupons, purchases, tierHistory, answers, Map.of());
    }

    /** An export of a customer without answers. */
    public CustomerExport(
            Customer customer,
            Points balance,
            List<WalletEntry> ledger,
            List<HeldCoupon> coupons,
            List<Purchase> purchases,
            List<TierHistoryEntry> tierHistory) {
        this(customer, balance, ledger, coupons, purchases, tierHistory, List.of());
    }

    /** An export of a customer without tier history. */
    public CustomerExport(
            Customer customer,
            Points balance,
            List<WalletEntry> ledger,
            List<HeldCoupon> coupons,
            List<Purchase> purchases) {
        this(customer, balance, ledger, coupons, purchases, List.of());
    }
}
