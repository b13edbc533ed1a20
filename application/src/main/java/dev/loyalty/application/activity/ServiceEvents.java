package dev.loyalty.application.activity;

import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.CustomerEnrolled;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.purchase.PurchaseRecorded;
import dev.loyalty.domain.tier.TierChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Records the service's own facts as customer events, in the transaction that made them, so that
 * rules and missions react to an enrolment or a purchase exactly as to a pushed event. Each event
 * id is derived from what it records, so a fact is recorded once however often it is told.
 */
@ApplicationScoped
public class ServiceEvents {

    private final ActivityLog activities;

    /** For CDI's proxy only. */
    protected ServiceEvents() {
        this(null);
    }

    @Inject
    public ServiceEvents(ActivityLog activities) {
        this.activities = activities;
    }

    /**
     * A customer enrolled: their enrolment is an event, and the events pushed earlier for their
     * e-mail or phone (a prospect's) become theirs, due for reactions now.
     *
     * @return how many of a prospect's events became the customer's
     */
    public int enrolled(CustomerEnrolled event, Optional<Email> email, Optional<PhoneNumber> phone, Instant now) {
        int attached = activities.attachProspects(event.customerId(), email, phone, now);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("enrolmentChannel", event.enrolmentChannel().name());
        attributes.put("cardNumber", event.cardNumber().value());
        if (event.storeId() != null) {
            attributes.put("storeId", event.storeId());
        }
        if (event.referralCode() != null) {
            attributes.put("referralCode", event.referralCode());
        }
        record(
                "enrolment:" + event.customerId(),
                EventType.CUSTOMER_ENROLLED,
                event.customerId(),
                event.storeId(),
                event.occurredAt(),
                now,
                attributes);
        return attached;
    }

    /** A customer's purchase was recorded (anonymous purchases are nobody's activity). */
    public void purchased(PurchaseRecorded event, Instant now) {
        if (event.customerId() == null) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("purchaseId", event.purchaseId().toString());
        attributes.put("storeId", event.storeId());
        if (event.receiptId() != null) {
            attributes.put("receiptId", event.receiptId());
        }
        attributes.put("channel", event.channel().name());
        attributes.put("net", event.net().cents());
        attributes.put(
                "totalPaid",
                event.totalPaid() == null
                        ? event.net().cents()
                        : event.totalPaid().cents());
        TreeSet<String> categories = new TreeSet<>();
        List<String> skus = new ArrayList<>();
        long items = 0;
        for (PurchaseRecorded.Line line : event.lines()) {
            if (line.category() != null) {
                categories.add(line.category());
            }
            skus.add(line.sku());
            items += line.quantity();
        }
        attributes.put("categories", List.copyOf(categories));
        attributes.put("skus", List.copyOf(skus));
        attributes.put("items", items);
        attributes.put("couponCodes", event.couponCodes());
        attributes.put("pointsAwarded", event.pointsAwarded().value());
        // the purchase and its coupons' redemptions kept together (one statement)
        List<RecordedActivity> kept = new ArrayList<>();
        kept.add(recorded(
                "purchase:" + event.purchaseId(),
                EventType.PURCHASE_RECORDED,
                event.customerId(),
                event.storeId(),
                event.occurredAt(),
                now,
                attributes));
        for (String code : event.couponCodes()) {
            kept.add(recorded(
                    "coupon-redeemed:" + code + ":" + event.purchaseId(),
                    EventType.COUPON_REDEEMED,
                    event.customerId(),
                    event.storeId(),
                    event.occurredAt(),
                    now,
                    Map.of(
                            "couponCode",
                            code,
                            "purchaseId",
                            event.purchaseId().toString(),
                            "channel",
                            event.channel().name())));
        }
        activities.appendAll(kept);
    }

    /**
     * A customer's tier changed (purchase, override): rules may react (a congratulation, a gift).
     * The set-based review's changes are not fed here: a first review moves half the customers at
     * once, which would bury every other reaction; its changes are in the tier history.
     */
    public void tierChanged(TierChanged changed, String storeId, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (changed.from() != null) {
            attributes.put("from", changed.from());
        }
        attributes.put("to", changed.to());
        attributes.put("cause", changed.cause().name());
        record(
                "tier-changed:" + changed.customerId() + ":"
                        + changed.occurredAt().toEpochMilli() + ":" + changed.to(),
                EventType.TIER_CHANGED,
                changed.customerId(),
                storeId,
                changed.occurredAt(),
                now,
                attributes);
    }

    /** Records any other service event (mission completed, referral completed, tier changed). */
    public void record(
            String eventId,
            EventType type,
            CustomerId customerId,
            String storeId,
            Instant occurredAt,
            Instant now,
            Map<String, Object> attributes) {
        activities.append(recorded(eventId, type, customerId, storeId, occurredAt, now, attributes));
    }

    private static RecordedActivity recorded(
            String eventId,
            EventType type,
            CustomerId customerId,
            String storeId,
            Instant occurredAt,
            Instant now,
            Map<String, Object> attributes) {
        return new RecordedActivity(
                eventId,
                type,
                EventSource.SERVICE,
                Optional.of(customerId),
                Optional.empty(),
                Optional.empty(),
                storeId,
                occurredAt,
                now,
                attributes);
    }
}
