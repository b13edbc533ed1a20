package dev.loyalty.domain.reward;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something a customer buys with points: a personal coupon issued from a template. Invariants: a
 * non-blank name of at most {@value #MAX_NAME_LENGTH} characters; a cost of at least one point and
 * at most {@value #MAX_COST}; a template; tier names non-blank (empty: every customer may claim
 * it).
 *
 * @param id the reward
 * @param name what the app shows, e.g. "5 EUR off your next shop"
 * @param cost the points it costs
 * @param templateId the template of the coupon it gives
 * @param active whether customers may claim it now
 * @param tiers the tiers whose customers may claim it; empty for every customer
 */
public record Reward(
        RewardId id, String name, Points cost, CouponTemplateId templateId, boolean active, Set<String> tiers) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The highest cost accepted, a guard against a typo. */
    public static final long MAX_COST = 10_000_000;

    /** Validates the reward. */
    public Reward {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (cost == null || cost.isZero() || cost.value() > MAX_COST) {
            throw new InvalidValueException("pointsCost", "pointsCost must be between 1 and " + MAX_COST);
        }
        if (templateId == null) {
            throw new InvalidValueException("templateId", "templateId is required");
        }
        Set<String> cleanTiers = new TreeSet<>();
        for (String tier : tiers == null ? Set.<String>of() : tiers) {
            if (tier == null || tier.isBlank() || tier.strip().length() > 64) {
                throw new InvalidValueException("tiers", "a tier name is 1 to 64 characters");
            }
            cleanTiers.add(tier.strip());
        }
        tiers = Set.copyOf(cleanTiers);
    }

    /** A reward every customer may claim. */
    public Reward(RewardId id, String name, Points cost, CouponTemplateId templateId, boolean active) {
        this(id, name, cost, templateId, active, Set.of());
    }

    /**
     * @param tierName the customer's tier, or {@code null} when there is none
     * @return whether a customer of that tier may claim it (names compared regardless of case)
     */
    public boolean isForTier(String tierName) {
        if (tiers.isEmpty()) {
            return true;
        }
        return tierName != null && tiers.stream().anyMatch(t -> t.equalsIgnoreCase(tierName.strip()));
    }

    /** @return the reference under which a claim burns points: the reward and the claim */
    public String claimReference(String claimId) {
        return "reward:" + id + ":" + claimId;
    }
}
