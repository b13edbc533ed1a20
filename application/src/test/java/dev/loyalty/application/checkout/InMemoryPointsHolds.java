package dev.loyalty.application.checkout;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PointsHold;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PointsHolds} in memory, for tests. */
public class InMemoryPointsHolds implements PointsHolds {

    private final Map<PurchaseId, PointsHold> holds = new LinkedHashMap<>();
    private final List<Map.Entry<CustomerId, PendingStep>> steps = new ArrayList<>();

    @Override
    public synchronized void add(PointsHold hold, String reason, Instant now) {
        if (holds.putIfAbsent(hold.purchaseId(), hold) != null) {
            throw new IllegalStateException("a purchase holds its points once");
        }
        step(hold, PointsHold.Status.PENDING, hold.pending(), reason, now);
    }

    @Override
    public synchronized Optional<PointsHold> lockedByPurchase(PurchaseId purchaseId) {
        return Optional.ofNullable(holds.get(purchaseId));
    }

    @Override
    public synchronized boolean move(PointsHold before, PointsHold after, long points, String reason, Instant now) {
        if (!before.equals(holds.get(before.purchaseId()))) {
            return false;
        }
        holds.put(after.purchaseId(), after);
        step(
                after,
                after.status() == PointsHold.Status.POSTED ? PointsHold.Status.POSTED : PointsHold.Status.VOIDED,
                points,
                reason,
                now);
        return true;
    }

    @Override
    public synchronized List<PurchaseId> due(Instant now, int limit) {
        return holds.values().stream()
                .filter(h -> h.isDueAt(now))
                .sorted(Comparator.comparing(PointsHold::postAt))
                .limit(limit)
                .map(PointsHold::purchaseId)
                .toList();
    }

    @Override
    public synchronized Points pendingOf(CustomerId customerId) {
        return Points.of(holds.values().stream()
                .filter(h -> h.customerId().equals(customerId))
                .mapToLong(PointsHold::pending)
                .sum());
    }

    @Override
    public synchronized List<PendingStep> steps(CustomerId customerId, int offset, int limit) {
        List<PendingStep> mine = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).getKey().equals(customerId)) {
                mine.add(steps.get(i).getValue());
            }
        }
        return mine.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long stepCount(CustomerId customerId) {
        return steps.stream().filter(s -> s.getKey().equals(customerId)).count();
    }

    private void step(PointsHold hold, PointsHold.Status status, long points, String reason, Instant now) {
        steps.add(Map.entry(
                hold.customerId(),
                new PendingStep(hold.purchaseId().reference(), status, points, reason, hold.postAt(), now)));
    }
}
