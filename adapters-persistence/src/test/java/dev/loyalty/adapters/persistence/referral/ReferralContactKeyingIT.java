package dev.loyalty.adapters.persistence.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.settings.HmacKeyedDigests;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.referral.Referrals;
import dev.loyalty.domain.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Referral contact digests stored plain by the previous version against MariaDB: keyed at start to
 * what the service now computes, and recognised in either form meanwhile.
 */
class ReferralContactKeyingIT {

    static final HmacKeyedDigests DIGESTS = new HmacKeyedDigests("referral-keying-it-secret");

    static String plain(String contact) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(contact.getBytes(StandardCharsets.UTF_8)));
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(
                System.getProperty("loyalty.it.db.url"),
                System.getProperty("loyalty.it.db.user"),
                System.getProperty("loyalty.it.db.password"));
    }

    /** A referral as the previous version stored it: the plain SHA-256, not marked keyed. */
    static long storedPlain(String digest) throws Exception {
        try (Connection c = db();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO referral (referrer_id, referred_id, contact_hash, status, created_at)"
                                + " VALUES (?, ?, ?, 'PENDING', NOW(6))",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, digest);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static String[] row(long id) throws Exception {
        try (Connection c = db();
                PreparedStatement select =
                        c.prepareStatement("SELECT contact_hash, contact_hash_keyed FROM referral WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new String[] {rows.getString(1), String.valueOf(rows.getInt(2))};
            }
        }
    }

    static boolean referredAgain(String contact) throws Exception {
        String unkeyed = plain(contact);
        Referrals.ContactDigest digest =
                new Referrals.ContactDigest(DIGESTS.digest(ReferralService.DIGEST_PURPOSE, unkeyed), unkeyed);
        return TestDatabase.inTransaction(em ->
                new JpaReferrals(em).add(CustomerId.newId(), CustomerId.newId(), Optional.of(digest), Instant.now()));
    }

    @Test
    void aPlainDigestIsRecognisedBeforeAndAfterItIsKeyed() throws Exception {
        TestDatabase.entityManagers();
        String elena = "phone:+39347" + (System.nanoTime() % 10_000_000);
        String marco = "email:marco." + UUID.randomUUID() + "@example.com";
        long elenaRow = storedPlain(plain(elena));
        long marcoRow = storedPlain(plain(marco));

        assertThat(referredAgain(elena)).as("recognised in its plain form").isFalse();

        MariaDbDataSource dataSource = new MariaDbDataSource(System.getProperty("loyalty.it.db.url"));
        dataSource.setUser(System.getProperty("loyalty.it.db.user"));
        dataSource.setPassword(System.getProperty("loyalty.it.db.password"));
        int keyed = ReferralContactKeying.keyAll(dataSource, DIGESTS);

        assertThat(keyed).isGreaterThanOrEqualTo(2);
        assertThat(row(marcoRow)).containsExactly(DIGESTS.digest(ReferralService.DIGEST_PURPOSE, plain(marco)), "1");
        assertThat(row(marcoRow)[0]).isNotEqualTo(plain(marco));
        assertThat(referredAgain(marco)).as("recognised in its keyed form").isFalse();
        assertThat(row(elenaRow)[1]).isEqualTo("1");
        assertThat(ReferralContactKeying.keyAll(dataSource, DIGESTS))
                .as("nothing left plain")
                .isZero();
        assertThat(referredAgain("phone:+39347" + System.nanoTime()))
                .as("a new contact is referred")
                .isTrue();
    }

    @Test
    void aStartLooksIntoTheIndexOfUnkeyedRowsAndScansNoTable() throws Exception {
        TestDatabase.entityManagers();
        for (int i = 0; i < 20; i++) {
            referredAgain("email:someone." + UUID.randomUUID() + "@example.com");
        }
        try (Connection c = db();
                PreparedStatement explain = c.prepareStatement("EXPLAIN " + ReferralContactKeying.PLAIN_BATCH);
                ResultSet plan = explain.executeQuery()) {
            plan.next();
            assertThat(plan.getString("key"))
                    .as("the start's query reads the index, type " + plan.getString("type"))
                    .isEqualTo("ix_referral_unkeyed");
            assertThat(plan.getString("type")).isNotEqualTo("ALL");
        }
    }
}
