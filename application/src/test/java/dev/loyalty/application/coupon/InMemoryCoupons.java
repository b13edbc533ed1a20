package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coupons in memory, for use-case tests: stored as copies, so a change counts only once saved. */
public final class InMemoryCoupons implements Coupons {

    private record Stored(Coupon coupon, CustomerId redeemedBy) {}

    private final Map<CouponCode, Stored> coupons = new LinkedHashMap<>();

    @Override
    public synchronized void addAll(List<Coupon> issued) {
        if (issued.stream().anyMatch(c -> coupons.containsKey(c.code()))) {
            throw new CouponCodeTakenException();
        }
        issued.forEach(c -> coupons.put(c.code(), new Stored(copy(c), null)));
    }

    /** The marks are the campaign's figures, which no use case tested here reads: the coupons are added. */
    @Override
    public synchronized void addAllMarked(List<Coupon> issued, List<CampaignMark> marks) {
        if (issued.size() != marks.size()) {
            throw new IllegalArgumentException(issued.size() + " coupons, " + marks.size() + " marks");
        }
        addAll(issued);
    }

    @Override
    public synchronized Optional<Coupon> byCode(CouponCode code) {
        return Optional.ofNullable(coupons.get(code)).map(s -> copy(s.coupon()));
    }

    @Override
    public Optional<Coupon> lockedByCode(CouponCode code) {
        return byCode(code);
    }

    @Override
    public synchronized void saveTransition(Coupon coupon, CouponStatus from, CustomerId redeemedBy) {
        Stored stored = coupons.get(coupon.code());
        if (stored == null || stored.coupon().status() != from) {
            throw new ConcurrentUpdateException("coupon " + coupon.code() + " changed meanwhile");
        }
        coupons.put(coupon.code(), new Stored(copy(coupon), redeemedBy));
    }

    @Override
    public synchronized long redeemedCount(CouponTemplateId templateId) {
        return coupons.values().stream()
                .filter(s -> s.coupon().templateId().equals(templateId))
                .filter(s -> s.coupon().status() == CouponStatus.REDEEMED)
                .count();
    }

    @Override
    public synchronized long redeemedCount(CouponTemplateId templateId, CustomerId customerId) {
        return coupons.values().stream()
                .filter(s -> s.coupon().templateId().equals(templateId))
                .filter(s -> s.coupon().status() == CouponStatus.REDEEMED)
                .filter(s -> customerId.equals(s.redeemedBy()))
                .count();
    }

    @Override
    public synchronized List<Coupon> ofCustomer(CustomerId customerId) {
        List<Coupon> owned = new ArrayList<>();
        coupons.values().stream()
                .map(Stored::coupon)
                .filter(c -> c.owner().filter(customerId::equals).isPresent())
                .forEach(c -> owned.add(0, copy(c)));
        return owned;
    }

    /** @return how many coupons are stored */
    public synchronized int size() {
        return coupons.size();
    }

    private static Coupon copy(Coupon c) {
        Coupon copy = Coupon.reconstitute(
                c.code(),
                c.templateId(),
                c.owner().orElse(null),
                c.status(),
                c.validFrom(),
                c.validUntil(),
                c.redemptionReference().orElse(null));
        return c.ownFigures().map(copy::withOwnFigures).orElse(copy);
    }
}
