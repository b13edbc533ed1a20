package dev.loyalty.adapters.persistence.catalogue;

import dev.loyalty.application.catalogue.Catalogue;
import dev.loyalty.application.catalogue.Category;
import dev.loyalty.application.catalogue.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue in {@code product} and {@code category}, saved by multi-row upserts (a row with
 * the same key is replaced and its version moves on).
 */
@ApplicationScoped
public class SqlCatalogue implements Catalogue {

    private static final int ROWS_PER_STATEMENT = 1_000;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCatalogue() {}

    /** For tests outside the container. */
    public SqlCatalogue(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Product> product(String sku) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT sku, name, category, brand, consumption_days FROM product WHERE sku = ?")
                .setParameter(1, sku)
                .getResultList();
        return rows.stream().findFirst().map(SqlCatalogue::product);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Product> products(Optional<String> category, String afterSku, int limit) {
        Query query = em.createNativeQuery("SELECT sku, name, category, brand, consumption_days FROM product"
                        + " WHERE sku > ?" + (category.isPresent() ? " AND category = ?" : "")
                        + " ORDER BY sku LIMIT " + limit)
                .setParameter(1, afterSku);
        category.ifPresent(c -> query.setParameter(2, c));
        return ((List<Object[]>) query.getResultList())
                .stream().map(SqlCatalogue::product).toList();
    }

    @Override
    public void saveProducts(Collection<Product> products) {
        List<Object[]> rows = new ArrayList<>();
        for (Product p : products) {
            rows.add(new Object[] {
                p.sku(),
                p.name(),
                p.category(),
                p.brand().orElse(null),
                p.consumptionDays().orElse(null)
            });
        }
        upsert(
                "INSERT INTO product (sku, name, category, brand, consumption_days, version) VALUES ",
                "(?, ?, ?, ?, ?, 1)",
                rows,
                " ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), brand = VALUES(brand),"
                        + " consumption_days = VALUES(consumption_days), version = version + 1");
    }

    @Override
    public boolean deleteProduct(String sku) {
        return em.createNativeQuery("DELETE FROM product WHERE sku = ?")
                        .setParameter(1, sku)
                        .executeUpdate()
                == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Category> category(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, cross_sell FROM category WHERE id = ?")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(SqlCatalogue::category);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Category> categories() {
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, cross_sell FROM category ORDER BY id LIMIT 10000")
                .getResultList();
        return rows.stream().map(SqlCatalogue::category).toList();
    }

    @Override
    public void saveCategories(Collection<Category> categories) {
        List<Object[]> rows = new ArrayList<>();
        for (Category c : categories) {
            rows.add(new Object[] {c.id(), c.name(), String.join("\n", c.crossSell())});
        }
        upsert(
                "INSERT INTO category (id, name, cross_sell, version) VALUES ",
                "(?, ?, ?, 1)",
                rows,
                " ON DUPLICATE KEY UPDATE name = VALUES(name), cross_sell = VALUES(cross_sell), version = version + 1");
    }

    @Override
    public boolean deleteCategory(String id) {
        return em.createNativeQuery("DELETE FROM category WHERE id = ?")
                        .setParameter(1, id)
                        .executeUpdate()
                == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> existingCategories(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> wanted = List.copyOf(ids);
        Query query = em.createNativeQuery("SELECT id FROM category WHERE id IN ("
                + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ")");
        for (int i = 0; i < wanted.size(); i++) {
            query.setParameter(i + 1, wanted.get(i));
        }
        Set<String> found = new HashSet<>();
        for (Object id : (List<Object>) query.getResultList()) {
            found.add(String.valueOf(id));
        }
        return found;
    }

    private void upsert(String head, String placeholders, List<Object[]> rows, String tail) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            Query insert = em.createNativeQuery(
                    head + String.join(", ", Collections.nCopies(chunk.size(), placeholders)) + tail);
            int p = 0;
            for (Object[] row : chunk) {
                for (Object value : row) {
                    insert.setParameter(++p, value);
                }
            }
            insert.executeUpdate();
        }
    }

    private static Product product(Object[] row) {
        return new Product(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                Optional.ofNullable((String) row[3]),
                Optional.ofNullable(row[4]).map(v -> ((Number) v).intValue()));
    }

    private static Category category(Object[] row) {
        String crossSell = (String) row[2];
        return new Category(
                (String) row[0],
                (String) row[1],
                crossSell == null || crossSell.isEmpty() ? List.of() : Arrays.asList(crossSell.split("\n")));
    }
}
