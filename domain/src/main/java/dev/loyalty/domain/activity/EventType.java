package dev.loyalty.domain.activity;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of a kind of event, SCREAMING_SNAKE ({@code NEWSLETTER_SUBSCRIBED}). The service's own
 * events are reserved: an integration cannot post a {@code PURCHASE_RECORDED}, only the till can
 * record a purchase.
 *
 * @param value the name
 */
public record EventType(String value) {

    /** Declared before the constants below: their construction checks against it. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    public static final EventType CUSTOMER_ENROLLED = new EventType("CUSTOMER_ENROLLED");
    public static final EventType PURCHASE_RECORDED = new EventType("PURCHASE_RECORDED");
    public static final EventType COUPON_REDEEMED = new EventType("COUPON_REDEEMED");
    public static final EventType MISSION_COMPLETED = new EventType("MISSION_COMPLETED");
    public static final EventType REFERRAL_COMPLETED = new EventType("REFERRAL_COMPLETED");
    public static final EventType TIER_CHANGED = new EventType("TIER_CHANGED");

    /** The events only the service itself records. */
    public static final Set<EventType> INTERNAL = Set.of(
            CUSTOMER_ENROLLED, PURCHASE_RECORDED, COUPON_REDEEMED, MISSION_COMPLETED, REFERRAL_COMPLETED, TIER_CHANGED);

    /** Checks the name. */
    public EventType {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidValueException(
                    "type", "an event type is 2 to 64 of A-Z, 0-9 and _, starting with a letter");
        }
    }

    /**
     * @param raw a name as given (case is forgiven: {@code app_installed} is {@code APP_INSTALLED})
     * @param field the field it came in
     * @return the type
     */
    public static EventType parse(String raw, String field) {
        String name = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException(
                    field, "an event type is 2 to 64 of A-Z, 0-9 and _, starting with a letter");
        }
        return new EventType(name);
    }

    /** @return whether only the service records events of this type */
    public boolean internal() {
        return INTERNAL.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
