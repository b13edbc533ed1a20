package dev.loyalty.adapters.persistence.referral;

import dev.loyalty.adapters.persistence.schema.DatabaseMigrations;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.shared.KeyedDigests;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keys the referral contact digests an earlier version stored plain (the SHA-256 of the e-mail or
 * phone, marked {@code contact_hash_keyed = FALSE}) as the service starts, after the migrations:
 * each becomes the HMAC of that SHA-256, exactly what {@link ReferralService} now computes for the
 * same contact - so an erased contact enrolling again with the same code is still recognised.
 * Batches of 500, each committed on its own; an instance starting beside another rewrites a row at
 * most once (the update names the plain value). Once all are keyed, a start costs one look into the
 * empty range of an index ({@code ix_referral_unkeyed}), not a scan of the referral table.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReferralContactKeying {

    private static final Logger LOG = Logger.getLogger(ReferralContactKeying.class.getName());

    static final int BATCH = 500;

    /** A batch of rows still plain, read through {@code ix_referral_unkeyed}: no scan of the table at start. */
    static final String PLAIN_BATCH = "SELECT id, contact_hash FROM referral WHERE contact_hash_keyed = FALSE"
            + " AND contact_hash IS NOT NULL ORDER BY id LIMIT " + BATCH;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    KeyedDigests digests;

    @PostConstruct
    void keyPlainDigests() {
        try {
            int keyed = keyAll(dataSource, digests);
            if (keyed > 0) {
                LOG.info("Keyed " + keyed + " referral contact digests stored plain by an earlier version");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("keying the referral contact digests failed: " + e.getMessage(), e);
        }
    }

    /** @return how many plain digests were keyed */
    static int keyAll(DataSource dataSource, KeyedDigests digests) throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                Map<Long, String> plain = new LinkedHashMap<>();
                try (PreparedStatement select = connection.prepareStatement(PLAIN_BATCH)) {
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            plain.put(rows.getLong(1), rows.getString(2));
                        }
                    }
                }
                if (plain.isEmpty()) {
                    connection.commit();
                    return total;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE IGNORE referral SET"
                                + " contact_hash = ?, contact_hash_keyed = TRUE WHERE id = ? AND contact_hash = ?"
                                + " AND contact_hash_keyed = FALSE");
                        PreparedStatement duplicate = connection.prepareStatement("UPDATE referral SET contact_hash"
                                + " = NULL, contact_hash_keyed = TRUE WHERE id = ? AND contact_hash = ?"
                                + " AND contact_hash_keyed = FALSE")) {
                    for (Map.Entry<Long, String> row : plain.entrySet()) {
                        update.setString(1, digests.digest(ReferralService.DIGEST_PURPOSE, row.getValue()));
                        update.setLong(2, row.getKey());
                        update.setString(3, row.getValue());
                        if (update.executeUpdate() == 0) {
                            // keyed already by another instance, or the contact's keyed digest is on a
                            // newer row (an older instance referred it again): that row recognises it
                            duplicate.setLong(1, row.getKey());
                            duplicate.setString(2, row.getValue());
                            duplicate.executeUpdate();
                        }
                    }
                }
                connection.commit();
                total += plain.size();
            }
        }
    }
}
