package dev.loyalty.adapters.web.catalogue;

import dev.loyalty.application.catalogue.Category;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A category as the API takes and gives it: who bought in it is proposed the {@code crossSell} categories. */
public record CategoryBody(
        @Size(max = 64) String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20) List<@Size(max = 64) String> crossSell) {

    Category toCategory(String id) {
        return new Category(id, name, crossSell);
    }

    static CategoryBody of(Category c) {
        return new CategoryBody(c.id(), c.name(), c.crossSell());
    }
}
