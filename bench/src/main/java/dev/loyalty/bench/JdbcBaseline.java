package dev.loyalty.bench;

import dev.loyalty.bench.floor.PurchaseWrites;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baseline: what the database alone costs for a purchase. Each client is one JDBC session
 * (autocommit off, statements prepared once) that performs, in one transaction per simulated
 * purchase, the SQL writes the service does for {@code POST /purchases}: the idempotency record,
 * the customer and receipt checks, the coupon redemption (one purchase in five, locking the
 * template row like the service's redemption cap), the purchase and its lines, the wallet (locked
 * first, created only when missing, as the service does) and its ledger entry, the domain events,
 * and the idempotency response. Reads are the fewest that suffice (the last ledger sequence, read with
 * the wallet's lock, not the whole ledger). A deadlock, a lock wait timeout or a duplicate key rolls back and is counted;
 * the client goes on. The statements are {@link PurchaseWrites}', which the stack's purchase floor (the
 * wrk benchmark's {@code spike} phase) runs too, behind JAX-RS on plain Payara Micro.
 */
final class JdbcBaseline {

    /** What a failure of the wallet's ledger sequence is counted as. */
    static final String STALE_SEQUENCE = PurchaseWrites.STALE_SEQUENCE;

    private JdbcBaseline() {}

    /** One session per client, opened now so that the phase's clock does not include connecting. */
    static List<Client> clients(
            int count, BenchDatabase db, Fixture fixture, CouponPool coupons, String isolation, String runId)
            throws SQLException {
        List<Client> clients = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                clients.add(new Session(i, db.connect(), isolation, fixture, coupons, runId));
            }
        } catch (SQLException e) {
            clients.forEach(Client::close);
            throw e;
        }
        return clients;
    }

    /** The kind of an SQL failure, as counted in the report (a duplicate key names its key). */
    static String kind(SQLException e) {
        return PurchaseWrites.kind(e);
    }

    /** One JDBC session simulating purchases: {@link PurchaseWrites} on a connection of its own. */
    private static final class Session implements Client {
        private final int index;
        private final Connection connection;
        private final Fixture fixture;
        private final CouponPool coupons;
        private final String runId;
        private final SplittableRandom random;
        private final PurchaseWrites writes;
        private long sequence;

        Session(int index, Connection connection, String isolation, Fixture fixture, CouponPool coupons, String runId)
                throws SQLException {
            this.index = index;
            this.connection = connection;
            this.fixture = fixture;
            this.coupons = coupons;
            this.runId = runId;
            this.random = new SplittableRandom(2_000L + index);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET SESSION TRANSACTION ISOLATION LEVEL " + isolation.replace('-', ' '));
            }
            connection.setAutoCommit(false);
            this.writes = new PurchaseWrites(connection, fixture.templateId());
        }

        @Override
        public boolean perform(Tally tally) throws SQLException {
            long n = sequence++;
            String code = n % 5 == 0 ? coupons.take() : null;
            Basket basket = Basket.random(random, code);
            String customer = fixture.customerIds()
                    .get(random.nextInt(fixture.customerIds().size()));
            String receipt = runId + "-j" + index + "-" + n;
            Instant occurred = Instant.now();
            PurchaseWrites.Purchase purchase = basket.purchase(Tokens.STORE, receipt, occurred, customer);
            try {
                String failure = writes.write(purchase, occurred).failure();
                if (failure == null) {
                    connection.commit();
                    return true;
                }
                connection.rollback();
                tally.failure(failure, receipt);
                return false;
            } catch (SQLException e) {
                connection.rollback();
                tally.failure(kind(e), e.getMessage());
                return false;
            }
        }

        @Override
        public void close() {
            writes.close();
            try {
                connection.close();
            } catch (SQLException e) {
                // the server may be gone already; nothing is left to release
            }
        }
    }
}
