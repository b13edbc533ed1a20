package dev.loyalty.application.catalogue;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps the catalogue; only the console (and integrations, for imports) change it. */
@ApplicationScoped
public class CatalogueService implements CatalogueUseCases {

    private final Catalogue catalogue;

    /** For CDI's proxy only. */
    protected CatalogueService() {
        this(null);
    }

    @Inject
    public CatalogueService(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Product product(String sku) {
        return catalogue.product(sku).orElseThrow(ProductNotFoundException::new);
    }

    @Override
    public List<Product> products(Optional<String> category, String afterSku, int limit) {
        return catalogue.products(category, afterSku == null ? "" : afterSku, Math.max(1, Math.min(limit, 1_000)));
    }

    @Override
    @Transactional
    public boolean saveProduct(Product product, Actor actor) {
        mayChange(actor);
        boolean created = catalogue.product(product.sku()).isEmpty();
        catalogue.saveProducts(List.of(product));
        return created;
    }

    @Override
    @Transactional
    public void deleteProduct(String sku, Actor actor) {
        mayChange(actor);
        if (!catalogue.deleteProduct(sku)) {
            throw new ProductNotFoundException();
        }
    }

    @Override
    @Transactional
    public void importProducts(List<Product> products, Actor actor) {
        mayChange(actor);
        catalogue.saveProducts(products);
    }

    @Override
    public Category category(String id) {
        return catalogue.category(id).orElseThrow(CategoryNotFoundException::new);
    }

    @Override
    public List<Category> categories() {
        return catalogue.categories();
    }

    @Override
    @Transactional
    public boolean saveCategory(Category category, Actor actor) {
        mayChange(actor);
        Set<String> known = catalogue.existingCategories(category.crossSell());
        List<String> unknown = new ArrayList<>(category.crossSell());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidValueException("crossSell", "no such categories: " + String.join(", ", unknown));
        }
        boolean created = catalogue.category(category.id()).isEmpty();
        catalogue.saveCategories(List.of(category));
        return created;
    }

    @Override
    @Transactional
    public void deleteCategory(String id, Actor actor) {
        mayChange(actor);
        if (!catalogue.deleteCategory(id)) {
            throw new CategoryNotFoundException();
        }
    }

    @Override
    @Transactional
    public void importCategories(List<Category> categories, Actor actor) {
        mayChange(actor);
        catalogue.saveCategories(categories);
    }

    private static void mayChange(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.INTEGRATION) {
            throw new AccessDeniedException("only the console changes the catalogue");
        }
    }
}
