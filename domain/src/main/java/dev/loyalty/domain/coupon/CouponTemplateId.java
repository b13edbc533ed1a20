package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.UUID;

/**
 * The identity of a coupon template: a random UUID, never reused.
 *
 * @param value the UUID, non-null
 */
public record CouponTemplateId(UUID value) {

    /** Validates that the UUID is present. */
    public CouponTemplateId {
        if (value == null) {
            throw new InvalidValueException("templateId", "templateId is required");
        }
    }

    /** @return a fresh random identity */
    public static CouponTemplateId newId() {
        return new CouponTemplateId(UUID.randomUUID());
    }

    /**
     * @param raw a template id as text
     * @return the identity
     * @throws InvalidValueException (field {@code templateId}) when it is not a UUID
     */
    public static CouponTemplateId parse(String raw) {
        try {
            return new CouponTemplateId(UUID.fromString(raw == null ? "" : raw.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("templateId", "templateId must be a UUID");
        }
    }

    /** @return the canonical UUID string */
    @Override
    public String toString() {
        return value.toString();
    }
}
