package dev.loyalty.application.history;

/**
 * One line of an imported receipt, as validated by its reader: a positive quantity, a price and a
 * discount in cents, not negative.
 */
public record ImportedLine(String sku, String category, int quantity, long unitPriceCents, long discountCents) {

    public ImportedLine {
        if (sku == null || sku.isBlank() || category == null || category.isBlank()) {
            throw new IllegalArgumentException("a line has a sku and a category");
        }
        if (quantity <= 0 || unitPriceCents < 0 || discountCents < 0) {
            throw new IllegalArgumentException("a line has a positive quantity and amounts not negative");
        }
    }

    /** @return what the line cost after its discount, never below zero */
    public long netCents() {
        return Math.max(0, Math.multiplyExact(unitPriceCents, (long) quantity) - discountCents);
    }
}
