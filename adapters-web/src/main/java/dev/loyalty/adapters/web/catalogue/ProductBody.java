package dev.loyalty.adapters.web.catalogue;

import dev.loyalty.application.catalogue.Product;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** A product as the API takes and gives it. */
public record ProductBody(
        @Size(max = 64) String sku,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String category,
        @Size(max = 100) String brand,
        @Min(1) @Max(3650) Integer consumptionDays) {

    Product toProduct(String sku) {
        return new Product(sku, name, category, Optional.ofNullable(brand), Optional.ofNullable(consumptionDays));
    }

    static ProductBody of(Product p) {
        return new ProductBody(
                p.sku(),
                p.name(),
                p.category(),
                p.brand().orElse(null),
                p.consumptionDays().orElse(null));
    }
}
