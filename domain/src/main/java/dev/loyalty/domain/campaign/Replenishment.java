package dev.loyalty.domain.campaign;

import java.util.List;
import java.util.Objects;

/**
 * What a REPLENISHMENT campaign proposes, "on a clock" (seed 001): the customers whose last purchase
 * of one of the products is {@code consumptionDays - leadDays} days old and who have not bought it
 * since get the offer, once per purchase cycle. Products are named by SKU or by category (every
 * product of the category with a consumption period); {@link Proposal#CROSS_SELL} proposes the
 * category the catalogue maps to the product's instead of the product itself.
 *
 * @param skus products by SKU (may be empty when categories are given)
 * @param categories products by category (may be empty when SKUs are given)
 * @param leadDays how many days before the product runs out the offer goes
 * @param propose the same product, or the cross-sell category
 */
public record Replenishment(List<String> skus, List<String> categories, int leadDays, Proposal propose) {

    /** What the offer is about. */
    public enum Proposal {
        SAME,
        CROSS_SELL
    }

    public Replenishment {
        skus = List.copyOf(Objects.requireNonNull(skus, "skus"));
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        Objects.requireNonNull(propose, "propose");
        if (skus.isEmpty() && categories.isEmpty()) {
            throw new IllegalArgumentException("a replenishment names SKUs or categories");
        }
        if (leadDays < 0) {
            throw new IllegalArgumentException("leadDays must not be negative");
        }
    }
}
