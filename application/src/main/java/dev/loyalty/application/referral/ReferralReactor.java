package dev.loyalty.application.referral;

import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.Reactor;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A newcomer's first purchase of at least the programme's minimum completes their pending
 * referral: both sides earn the programme's points and get a {@code REFERRAL_COMPLETED} event -
 * unless the referrer already reached the monthly cap of rewarded referrals, which rejects it.
 */
@ApplicationScoped
public class ReferralReactor implements Reactor {

    /** The wallet entry's reason for a referral's points. */
    public static final String REASON = "referral";

    /** After the rules and the missions. */
    static final int ORDER = 300;

    private final Referrals referrals;
    private final PointsAwards points;
    private final ServiceEvents serviceEvents;

    /** For CDI's proxy only. */
    protected ReferralReactor() {
        this(null, null, null);
    }

    @Inject
    public ReferralReactor(Referrals referrals, PointsAwards points, ServiceEvents serviceEvents) {
        this.referrals = referrals;
        this.points = points;
        this.serviceEvents = serviceEvents;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void react(DueActivity due, Customer customer, Instant now) {
        if (EventType.PURCHASE_RECORDED.equals(due.activity().type())) {
            completeReferral(due.activity(), now);
        }
    }

    private void completeReferral(Activity purchase, Instant now) {
        Optional<Referrals.PendingReferral> pending = referrals.pendingFor(purchase.customerId());
        if (pending.isEmpty()) {
            return;
        }
        ReferralProgramme terms = referrals.programme();
        Referrals.PendingReferral referral = pending.get();
        if (purchase.number(Activity.NET).orElse(0L) < terms.minPurchase()) {
            return; // a later purchase may still qualify
        }
        if (referrals.completedSince(referral.referrer(), now.minus(ReferralProgramme.CAP_WINDOW))
                >= terms.monthlyCap()) {
            referrals.reject(
                    referral.id(),
                    "the referrer reached the cap of " + terms.monthlyCap() + " rewarded referrals in 30 days");
            return;
        }
        referrals.complete(referral.id(), now);
        String reference = "referral:" + referral.referred();
        if (terms.referredPoints() > 0) {
            points.award(referral.referred(), Points.of(terms.referredPoints()), REASON, reference, now);
        }
        if (terms.referrerPoints() > 0) {
            points.award(referral.referrer(), Points.of(terms.referrerPoints()), REASON, reference, now);
        }
        for (var side :
                List.of(Map.entry(referral.referred(), "REFERRED"), Map.entry(referral.referrer(), "REFERRER"))) {
            serviceEvents.record(
                    "referral-completed:" + referral.referred() + ":" + side.getValue(),
                    EventType.REFERRAL_COMPLETED,
                    side.getKey(),
                    purchase.storeId(),
                    now,
                    now,
                    Map.of(
                            "role", side.getValue(),
                            "referredCustomerId", referral.referred().toString(),
                            "referrerCustomerId", referral.referrer().toString(),
                            "points",
                                    side.getValue().equals("REFERRED")
                                            ? terms.referredPoints()
                                            : terms.referrerPoints()));
        }
    }
}
