package dev.loyalty.application.catalogue;

import dev.loyalty.application.shared.Actor;
import java.util.List;
import java.util.Optional;

/** Driving port: the console keeps the catalogue. */
public interface CatalogueUseCases {

    /** @throws ProductNotFoundException when none has this SKU */
    Product product(String sku);

    List<Product> products(Optional<String> category, String afterSku, int limit);

    /** @return whether it was created (false: replaced) */
    boolean saveProduct(Product product, Actor actor);

    /** @throws ProductNotFoundException when none has this SKU */
    void deleteProduct(String sku, Actor actor);

    /** Saves a batch of products read from a file. */
    void importProducts(List<Product> products, Actor actor);

    /** @throws CategoryNotFoundException when none has this id */
    Category category(String id);

    List<Category> categories();

    /**
     * @return whether it was created (false: replaced)
     * @throws dev.loyalty.domain.shared.InvalidValueException (field {@code crossSell}) naming a
     *     category that does not exist
     */
    boolean saveCategory(Category category, Actor actor);

    /** @throws CategoryNotFoundException when none has this id */
    void deleteCategory(String id, Actor actor);

    /** Saves a batch of categories read from a file (cross-sell ids are not checked: they may come later). */
    void importCategories(List<Category> categories, Actor actor);
}
