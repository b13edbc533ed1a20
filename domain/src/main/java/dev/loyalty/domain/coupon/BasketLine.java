package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;

/**
 * One line of a basket at checkout: a product, its category, how many and at what unit price.
 * Invariants: sku and category non-blank (trimmed), quantity at least 1, unit price not negative.
 *
 * @param sku the product
 * @param category the product category coupons may be restricted to (compared exactly)
 * @param quantity how many, at least 1
 * @param unitPrice the price of one, zero or more
 */
public record BasketLine(String sku, String category, int quantity, Money unitPrice) {

    /** Validates the line. */
    public BasketLine {
        if (sku == null || sku.isBlank()) {
            throw new InvalidValueException("sku", "sku is required");
        }
        if (category == null || category.isBlank()) {
            throw new InvalidValueException("category", "category is required");
        }
        if (quantity < 1) {
            throw new InvalidValueException("quantity", "quantity must be at least 1");
        }
        if (unitPrice == null || unitPrice.isNegative()) {
            throw new InvalidValueException("unitPrice", "unitPrice must not be negative");
        }
        sku = sku.strip();
        category = category.strip();
    }

    /** @return unit price times quantity */
    public Money total() {
        return unitPrice.times(quantity);
    }
}
