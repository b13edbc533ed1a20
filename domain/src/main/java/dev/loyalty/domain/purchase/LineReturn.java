package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * Units of one purchase line given back (refunded or voided).
 *
 * @param lineNumber the line, numbered from 1 in the order of the receipt
 * @param quantity how many units, at least 1
 */
public record LineReturn(int lineNumber, int quantity) {

    /** Validates the numbers. */
    public LineReturn {
        if (lineNumber < 1) {
            throw new InvalidValueException("lineNumber", "lineNumber must be at least 1");
        }
        if (quantity < 1) {
            throw new InvalidValueException("quantity", "quantity must be at least 1");
        }
    }
}
