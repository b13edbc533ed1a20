package dev.loyalty.adapters.persistence.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC statements in the caller's transaction, for the purchase's hot path where EclipseLink's
 * query machinery and the driver's formatting of {@code Timestamp}s cost more CPU than the
 * statements themselves. In the container the connection comes from the application's DataSource,
 * which inside a JTA transaction hands out the connection already enlisted in it (the one the
 * entity manager uses), so what is written here and through JPA commits or rolls back together;
 * outside the container (tests) it is the entity manager's own connection. An {@link Instant} is
 * bound as its UTC {@link LocalDateTime} (the driver writes that itself); a failure is a
 * {@link PersistenceException} whose cause is the driver's {@link SQLException}, as through JPA.
 *
 * <p>The entity manager is not flushed first: a caller whose transaction may hold pending JPA
 * changes that a statement here depends on uses JPA (or {@link NativeInsert}) instead.
 */
public final class Jdbc {

    private final DataSource dataSource;
    private final EntityManager em;

    /**
     * @param dataSource the container's DataSource, or {@code null} outside the container
     * @param em the entity manager whose connection is used when there is no DataSource
     */
    public Jdbc(DataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** A statement's work on its prepared statement. */
    @FunctionalInterface
    public interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code work} on {@code sql} prepared on the transaction's connection. */
    public <T> T with(String sql, Work<T> work) {
        try {
            if (dataSource != null) {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement statement = connection.prepareStatement(sql)) {
                    return work.on(statement);
                }
            }
            Connection connection = NativeInsert.connection(em);
            if (connection == null) {
                throw new IllegalStateException("plain JDBC needs a transaction outside the container");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.on(statement);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** @return the rows changed by {@code sql} with {@code parameters} */
    public int update(String sql, Object... parameters) {
        return with(sql, statement -> {
            bind(statement, 1, parameters);
            return statement.executeUpdate();
        });
    }

    /** @return every row {@code sql} selects, each column as the driver returns it */
    public List<Object[]> select(String sql, Object... parameters) {
        return with(sql, statement -> {
            bind(statement, 1, parameters);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    /**
     * Binds {@code values} from position {@code first} on.
     *
     * @return the next free position
     */
    public static int bind(PreparedStatement statement, int first, Object... values) throws SQLException {
        int position = first;
        for (Object value : values) {
            statement.setObject(position++, value instanceof Instant instant ? utc(instant) : value);
        }
        return position;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
