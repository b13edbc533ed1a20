package dev.loyalty.application.catalogue;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Locale;

/**
 * A category of the catalogue and the categories proposed to who bought in it. Invariants: id
 * lower-case letters, digits and dashes (1-64); at most 20 cross-sell ids, none its own.
 */
public record Category(String id, String name, List<String> crossSell) {

    public Category {
        id = Text.required("id", id, 64);
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new InvalidValueException("id", "id is lower-case letters, digits, dashes and underscores");
        }
        name = Text.required("name", name, 200);
        crossSell = crossSell == null
                ? List.of()
                : crossSell.stream()
                        .map(c -> c == null ? "" : c.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        if (crossSell.size() > 20) {
            throw new InvalidValueException("crossSell", "at most 20 categories are proposed");
        }
        for (String other : crossSell) {
            if (!other.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                throw new InvalidValueException("crossSell", "crossSell holds category ids");
            }
            if (other.equals(id)) {
                throw new InvalidValueException("crossSell", "a category is not proposed to itself");
            }
        }
    }
}
