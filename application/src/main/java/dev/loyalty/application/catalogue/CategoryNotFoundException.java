package dev.loyalty.application.catalogue;

import dev.loyalty.domain.shared.DomainException;

/** No category has this id. */
public class CategoryNotFoundException extends DomainException {

    public CategoryNotFoundException() {
        super("no category has this id");
    }

    @Override
    public String code() {
        return "category-not-found";
    }
}
