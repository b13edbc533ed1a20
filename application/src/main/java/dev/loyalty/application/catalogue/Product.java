package dev.loyalty.application.catalogue;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Optional;

/**
 * A product of the catalogue. Invariants: sku, name and category present and within their column
 * sizes; consumption days, when known, from 1 to 3650.
 *
 * @param consumptionDays how long a unit lasts its buyer, in days (a 45-day cream)
 */
public record Product(
        String sku, String name, String category, Optional<String> brand, Optional<Integer> consumptionDays) {

    public Product {
        sku = Text.required("sku", sku, 64);
        name = Text.required("name", name, 200);
        category = Text.required("category", category, 64);
        brand = brand == null ? Optional.empty() : brand.map(String::strip).filter(b -> !b.isEmpty());
        if (brand.isPresent() && brand.get().length() > 100) {
            throw new InvalidValueException("brand", "brand is at most 100 characters");
        }
        consumptionDays = consumptionDays == null ? Optional.empty() : consumptionDays;
        if (consumptionDays.isPresent() && (consumptionDays.get() < 1 || consumptionDays.get() > 3650)) {
            throw new InvalidValueException("consumptionDays", "consumptionDays is from 1 to 3650");
        }
    }
}
