package dev.loyalty.adapters.persistence.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Rows appended in multi-row {@code INSERT} statements, in the caller's transaction: on the
 * transaction's own JDBC connection (the entity manager's, its pending changes flushed first) in
 * statements of up to {@value #MAX_JDBC_PARAMETERS} values, or, where the entity manager has no
 * connection to give, through it in statements of at most {@value #MAX_PARAMETERS}. For what is only ever
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

    /**
     * The most values one statement sent on the connection itself binds (no such lookup there): a
     * campaign page's 500 members, ledger entries or events go in one or two statements.
     */
    static final int MAX_JDBC_PARAMETERS = 16_000;

    private final String sql;
    private final int columns;
    private final String suffix;

    /**
     * @param table the table
     * @param columns its columns, in the order each row gives its values
     */
    public NativeInsert(String table, String... columns) {
        this("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ", columns.length, "");
    }

    private NativeInsert(String sql, int columns, String suffix) {
        this.sql = sql;
        this.columns = columns;
        this.suffix = suffix;
    }

    /**
     * Rows inserted with {@code INSERT IGNORE}: a row whose unique key is already taken is left
     * out, and {@link #rows} counts only those inserted.
     *
     * @param table the table
     * @param columns its columns, in the order each row gives its values
     */
    public static NativeInsert ignoring(String table, String... columns) {
        return new NativeInsert(
                "INSERT IGNORE INTO " + table + " (" + String.join(", ", columns) + ") VALUES ", columns.length, "");
    }

    /**
     * The same rows written over the rows they collide with by key: a row whose key exists gets these
     * columns' values ({@code ON DUPLICATE KEY UPDATE c = VALUES(c)}), one statement for many rows.
     *
     * @param updated the columns a colliding row takes from the new one
     */
    public NativeInsert onDuplicateKeyUpdate(String... updated) {
        StringBuilder clause = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < updated.length; i++) {
            clause.append(i == 0 ? "" : ", ")
                    .append(updated[i])
                    .append(" = VALUES(")
                    .append(updated[i])
                    .append(')');
        }
        return new NativeInsert(sql, columns, clause.toString());
    }

    /**
     * Inserts the rows (none: nothing is done).
     *
     * @param em the caller's entity manager
     * @param rows each row's values, as many as the columns, in their order ({@code null} for NULL)
     * @return how many rows were inserted
     */
    public int rows(EntityManager em, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection connection = connection(em);
        if (connection != null) {
            return jdbc(connection, rows);
        }
        int perStatement = Math.max(1, MAX_PARAMETERS / columns);
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            inserted += statement(em, rows.subList(from, Math.min(rows.size(), from + perStatement)));
        }
        return inserted;
    }

    /**
     * The transaction's connection, the entity manager's pending changes flushed to it first (as a
     * native query would), or {@code null} outside a transaction. Not to be closed: the entity
     * manager's.
     */
    public static Connection connection(EntityManager em) {
        if (!em.isJoinedToTransaction()) {
            return null;
        }
        em.flush();
        return em.unwrap(Connection.class);
    }

    private int jdbc(Connection connection, List<Object[]> rows) {
        int perStatement = Math.max(1, MAX_JDBC_PARAMETERS / columns);
        String placeholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        int inserted = 0;
        try {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                try (PreparedStatement insert = connection.prepareStatement(
                        sql + String.join(", ", Collections.nCopies(chunk.size(), placeholders)) + suffix)) {
                    int position = 0;
                    for (Object[] row : chunk) {
                        if (row.length != columns) {
                            throw new IllegalArgumentException(
                                    "a row of " + row.length + " values for " + columns + " columns");
                        }
                        for (Object value : row) {
                            insert.setObject(++position, value);
                        }
                    }
                    inserted += insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return inserted;
    }

    private int statement(EntityManager em, List<Object[]> rows) {
        String placeholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        Query insert =
                em.createNativeQuery(sql + String.join(", ", Collections.nCopies(rows.size(), placeholders)) + suffix);
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
