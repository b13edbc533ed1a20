package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.coupon.CouponView;
import dev.loyalty.adapters.web.purchase.PurchaseView;
import dev.loyalty.adapters.web.question.AnswerView;
import dev.loyalty.adapters.web.tier.TierHistoryView;
import dev.loyalty.adapters.web.wallet.WalletView;
import dev.loyalty.application.privacy.CustomerExport;
import dev.loyalty.domain.customer.ConsentEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about a customer (GDPR art. 15 and 20): the profile, every consent decision
 * with its evidence, the points ledger, the coupons, the purchases, the tier changes, the
 * answers to the programme's questions, and the records of activity as stored: events (with their
 * attributes), messages and their history, mission steps and completions, referrals, the rules'
 * verdicts, the monthly tier activity ({@code records}, per kind, oldest first).
 */
public record ExportView(
        CustomerView customer,
        List<ConsentRecord> consentHistory,
        long pointsBalance,
        List<WalletView.Entry> ledger,
        List<CouponView> coupons,
        List<PurchaseView> purchases,
        List<TierHistoryView.Item> tierHistory,
        List<AnswerView> answers,
        Map<String, List<Map<String, String>>> records,
        Instant exportedAt) {

    static ExportView of(CustomerExport export, Instant now) {
        return new ExportView(
                CustomerView.profile(export.customer(), export.balance().value()),
                export.customer().consentHistory().stream()
                        .map(ConsentRecord::of)
                        .toList(),
                export.balance().value(),
                export.ledger().stream().map(WalletView.Entry::of).toList(),
                export.coupons().stream().map(CouponView::of).toList(),
                export.purchases().stream().map(PurchaseView::of).toList(),
                export.tierHistory().stream().map(TierHistoryView.Item::of).toList(),
                export.answers().stream().map(AnswerView::of).toList(),
                export.records(),
                now);
    }

    /** One consent decision and its evidence. */
    public record ConsentRecord(
            String purpose, boolean granted, Instant recordedAt, String source, String textVersion) {

        static ConsentRecord of(ConsentEvidence evidence) {
            return new ConsentRecord(
                    evidence.purpose().name(),
                    evidence.granted(),
                    evidence.recordedAt(),
                    evidence.source(),
                    evidence.textVersion());
        }
    }
}
