package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.UUID;

/**
 * The identity of a recorded purchase: a random UUID, never reused.
 *
 * @param value the UUID, non-null
 */
public record PurchaseId(UUID value) {

    /** Validates that the UUID is present. */
    public PurchaseId {
        if (value == null) {
            throw new InvalidValueException("purchaseId", "purchaseId is required");
        }
    }

    /** @return a fresh random identity */
    public static PurchaseId newId() {
        return new PurchaseId(UUID.randomUUID());
    }

    /**
     * @param raw a purchase id as text
     * @return the identity
     * @throws PurchaseNotFoundException when it is not a UUID (no purchase can have it)
     */
    public static PurchaseId parse(String raw) {
        try {
            return new PurchaseId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new PurchaseNotFoundException("no purchase has this id");
        }
    }

    /** @return the reference under which the purchase's points are earned and coupons redeemed */
    public String reference() {
        return "purchase:" + value;
    }

    /** @return the canonical UUID string */
    @Override
    public String toString() {
        return value.toString();
    }
}
