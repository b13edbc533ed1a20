package dev.loyalty.adapters.persistence.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collections;
import java.util.List;

/**
 * Rows appended in multi-row {@code INSERT} statements (of at most {@value #MAX_PARAMETERS} values
 * each), in the caller's transaction. For what is only ever
 * appended on a hot path (a purchase and its lines, ledger entries, domain events): an entity
 * persisted instead stays managed until commit, so every later flush and the commit compare it
 * again, and each row would be a statement of its own.
 */
public final class NativeInsert {

    /**
     * The most parameters one statement binds: EclipseLink looks each positional parameter up in a
     * list (quadratic in their number): a campaign page of 500 members (8,000 values) in one statement
     * spent most of the page's time there.
     */
    static final int MAX_PARAMETERS = 600;

    private final String sql;
    private final int columns;

    /**
     * @param table the table
     * @param columns its columns, in the order each row gives its values
     */
    public NativeInsert(String table, String... columns) {
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.columns = columns.length;
    }

    /**
     * Inserts the rows (none: nothing is done).
     *
     * @param em the caller's entity manager
     * @param rows each row's values, as many as the columns, in their order ({@code null} for NULL)
     * @return how many rows were inserted
     */
    public int rows(EntityManager em, List<Object[]> rows) {
        int perStatement = Math.max(1, MAX_PARAMETERS / columns);
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            inserted += statement(em, rows.subList(from, Math.min(rows.size(), from + perStatement)));
        }
        return inserted;
    }

    private int statement(EntityManager em, List<Object[]> rows) {
        String placeholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        Query insert = em.createNativeQuery(sql + String.join(", ", Collections.nCopies(rows.size(), placeholders)));
        int position = 0;
        for (Object[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + columns + " columns");
            }
            for (Object value : row) {
                insert.setParameter(++position, value);
            }
        }
        return insert.executeUpdate();
    }

    /** Inserts one row. */
    public int row(EntityManager em, Object... values) {
        return rows(em, List.<Object[]>of(values));
    }
}
