package dev.loyalty.application.catalogue;

import dev.loyalty.domain.shared.DomainException;

/** No product has this SKU. */
public class ProductNotFoundException extends DomainException {

    public ProductNotFoundException() {
        super("no product has this sku");
    }

    @Override
    public String code() {
        return "product-not-found";
    }
}
