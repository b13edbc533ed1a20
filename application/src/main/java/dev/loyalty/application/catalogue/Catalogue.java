package dev.loyalty.application.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Driven port: the stored catalogue. Saving replaces what has the same key. */
public interface Catalogue {

    Optional<Product> product(String sku);

    /** @return up to {@code limit} products after {@code afterSku} in SKU order, of one category if given */
    List<Product> products(Optional<String> category, String afterSku, int limit);

    /** Saves (inserts or replaces) products, in one statement per batch. */
    void saveProducts(Collection<Product> products);

    /** @return whether one was deleted */
    boolean deleteProduct(String sku);

    Optional<Category> category(String id);

    List<Category> categories();

    void saveCategories(Collection<Category> categories);

    boolean deleteCategory(String id);

    /** @return those of the ids that are categories */
    Set<String> existingCategories(Collection<String> ids);
}
