package dev.loyalty.adapters.persistence.customer;

import dev.loyalty.adapters.persistence.schema.DatabaseMigrations;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.application.customer.CustomerLookup;
import dev.loyalty.application.customer.CustomerSummaries;
import dev.loyalty.application.customer.CustomerSummary;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.shared.Points;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The till's lookup in one statement: the customer row joined to its consent decisions, the wallet's
 * balance and the sum of the pending points as scalar subqueries (MariaDB's subquery cache computes
 * them once per customer, not once per consent row). Plain JDBC, no entity: outside a transaction
 * (the lookup has none) on a connection of the container's pool, held for that one statement;
 * inside one, on the transaction's own connection (a second connection could wait on locks its own
 * transaction holds). Not EclipseLink's read-only hint, which asks the pool for a connection apart
 * from the transaction's. The rows are mapped through the same {@link CustomerMapper} as the entity,
 * so the customer is the one {@link JpaCustomers} would read.
 */
@ApplicationScoped
public class SqlCustomerSummaries implements CustomerSummaries {

    private static final String SELECT =
            """
            SELECT c.id, c.card_number, c.first_name, c.last_name, c.email, c.phone, c.birth_date, c.city,
                   c.province, c.gender, c.language, c.preferred_channel, c.enrolment_channel, c.store_id,
                   c.referral_code, c.enrolled_at, c.version,
                   (SELECT w.balance FROM wallet w WHERE w.customer_id = c.id),
                   (SELECT COALESCE(SUM(p.points_pending), 0) FROM pending_points p
                     WHERE p.customer_id = c.id AND p.status = 'PENDING'),
                   k.position, k.purpose, k.granted, k.recorded_at, k.source, k.text_version
            FROM customer c LEFT JOIN customer_consent k ON k.customer_id = c.id
            WHERE""";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    protected SqlCustomerSummaries() {}

    /** For tests outside the container: on the entity manager's connection, in its transaction. */
    public SqlCustomerSummaries(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CustomerSummary> lookup(CustomerLookup criteria) {
        List<String> values = new ArrayList<>(3);
        StringBuilder sql = new StringBuilder(SELECT);
        if (criteria.card() != null) {
            sql.append(" c.card_number = ?");
            values.add(criteria.card().value());
        }
        if (criteria.phone() != null) {
            sql.append(values.isEmpty() ? "" : " AND").append(" c.phone = ?");
            values.add(criteria.phone().value());
        }
        if (criteria.email() != null) {
            sql.append(values.isEmpty() ? "" : " AND").append(" c.email = ?");
            values.add(criteria.email().value());
        }
        Optional<CustomerSummary> found;
        try {
            found = read(sql.toString(), values);
        } catch (SQLException e) {
            throw new PersistenceException("the customer could not be read", e);
        }
        // an erased customer's card identifies nobody (as JpaCustomers.byCardNumber)
        return found.filter(
                summary -> criteria.card() == null || !summary.customer().isErased());
    }

    private Optional<CustomerSummary> read(String sql, List<String> values) throws SQLException {
        if (dataSource == null || inTransaction()) {
            // the transaction's connection, its pending changes flushed first; the entity manager's to close
            return read(NativeInsert.connection(em), sql, values);
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql, values);
        }
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static Optional<CustomerSummary> read(Connection connection, String sql, List<String> values)
            throws SQLException {
        if (connection == null) {
            throw new IllegalStateException("no connection: outside the container a lookup needs a transaction");
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                CustomerJpaEntity customer = null;
                long balance = 0;
                long pending = 0;
                while (rows.next()) {
                    if (customer == null) {
                        customer = customer(rows);
                        balance = rows.getLong(18);
                        pending = rows.getLong(19);
                    } else if (!customer.id.equals(rows.getString(1))) {
                        // two customers: each criterion is a unique key, so they designate different ones
                        return Optional.empty();
                    }
                    if (rows.getObject(20) != null) {
                        customer.consents.add(consent(rows, customer));
                    }
                }
                if (customer == null) {
                    return Optional.empty();
                }
                Customer mapped = CustomerMapper.toDomain(customer);
                return Optional.of(new CustomerSummary(mapped, Points.of(balance), Points.of(pending)));
            }
        }
    }

    private static CustomerJpaEntity customer(ResultSet rows) throws SQLException {
        CustomerJpaEntity row = new CustomerJpaEntity();
        row.id = rows.getString(1);
        row.cardNumber = rows.getString(2);
        row.firstName = rows.getString(3);
        row.lastName = rows.getString(4);
        row.email = rows.getString(5);
        row.phone = rows.getString(6);
        row.birthDate = rows.getObject(7, LocalDate.class);
        row.city = rows.getString(8);
        row.province = rows.getString(9);
        row.gender = rows.getString(10);
        row.language = rows.getString(11);
        row.preferredChannel = rows.getString(12);
        row.enrolmentChannel = rows.getString(13);
        row.storeId = rows.getString(14);
        row.referralCode = rows.getString(15);
        row.enrolledAt = rows.getObject(16, LocalDateTime.class);
        row.version = rows.getLong(17);
        return row;
    }

    private static ConsentJpaEntity consent(ResultSet rows, CustomerJpaEntity customer) throws SQLException {
        ConsentJpaEntity row = new ConsentJpaEntity();
        row.customer = customer;
        row.position = rows.getInt(20);
        row.purpose = rows.getString(21);
        row.granted = rows.getBoolean(22);
        row.recordedAt = rows.getObject(23, LocalDateTime.class);
        row.source = rows.getString(24);
        row.textVersion = rows.getString(25);
        return row;
    }
}
