package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.customer.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/**
 * The search by name: one statement, ordered by (last name, first name, id) in the table's
 * case-insensitive collation, going on after a position by a row comparison (keyset). The name
 * part matches anywhere, so the statement reads the table; the console asks for a page at a time.
 */
@ApplicationScoped
public class SqlCustomerDirectory implements CustomerDirectory {

    private static final String ORDER = "COALESCE(last_name, ''), first_name, id";
    private static final String MATCH = "SELECT id, card_number, first_name, last_name, enrolled_at FROM customer"
            + " WHERE (first_name LIKE ? OR last_name LIKE ? OR CONCAT(first_name, ' ', COALESCE(last_name, '')) LIKE ?)";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCustomerDirectory() {}

    /** For tests outside the container. */
    public SqlCustomerDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Entry> byName(String namePart, Optional<Position> after, int limit) {
        String like = "%" + namePart.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Query query = em.createNativeQuery(MATCH
                + after.map(p -> " AND (" + ORDER + ") > (?, ?, ?)").orElse("")
                + " ORDER BY " + ORDER + " LIMIT ?");
        int i = 1;
        query.setParameter(i++, like).setParameter(i++, like).setParameter(i++, like);
        if (after.isPresent()) {
            query.setParameter(i++, after.get().lastName())
                    .setParameter(i++, after.get().firstName())
                    .setParameter(i++, after.get().customerId());
        }
        query.setParameter(i, limit);
        return ((List<?>) query.getResultList())
                .stream()
                        .map(raw -> (Object[]) raw)
                        .map(row -> new Entry(
                                (String) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                NativeRows.instant(row[4])))
                        .toList();
    }
}
