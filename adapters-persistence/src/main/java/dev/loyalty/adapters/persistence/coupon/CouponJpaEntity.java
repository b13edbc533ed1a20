package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The {@code coupon} row: the code is the key; times UTC. */
@Entity
@Table(name = "coupon")
public class CouponJpaEntity {

    @Id
    @Column(name = "code", length = 9)
    String code;

    @Column(name = "template_id", nullable = false, updatable = false)
    String templateId;

    @Column(name = "customer_id", updatable = false)
    String customerId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "valid_from", nullable = false, updatable = false)
    LocalDateTime validFrom;

    @Column(name = "valid_until", nullable = false, updatable = false)
    LocalDateTime validUntil;

    @Column(name = "redemption_reference")
    String redemptionReference;

    @Column(name = "redeemed_by")
    String redeemedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    LocalDateTime issuedAt;

    @Column(name = "version", nullable = false)
    long version;

    /** A personal offer's own value (written by the campaign run, read here). */
    @Column(name = "value_cents", insertable = false, updatable = false)
    Long valueCents;

    @Column(name = "min_spend_cents", insertable = false, updatable = false)
    Long minSpendCents;

    @Column(name = "category", insertable = false, updatable = false)
    String category;

    protected CouponJpaEntity() {}

    /**
     * A row read in plain JDBC, its columns in declaration order (code, template_id, customer_id,
     * status, valid_from, valid_until, redemption_reference, redeemed_by, issued_at, version,
     * value_cents, min_spend_cents, category).
     */
    static CouponJpaEntity of(Object[] row) {
        CouponJpaEntity c = new CouponJpaEntity();
        c.code = (String) row[0];
        c.templateId = (String) row[1];
        c.customerId = (String) row[2];
        c.status = (String) row[3];
        c.validFrom = time(row[4]);
        c.validUntil = time(row[5]);
        c.redemptionReference = (String) row[6];
        c.redeemedBy = (String) row[7];
        c.issuedAt = time(row[8]);
        c.version = ((Number) row[9]).longValue();
        c.valueCents = row[10] == null ? null : ((Number) row[10]).longValue();
        c.minSpendCents = row[11] == null ? null : ((Number) row[11]).longValue();
        c.category = (String) row[12];
        return c;
    }

    private static LocalDateTime time(Object column) {
        return column == null ? null : UtcTimes.utc(NativeRows.instant(column));
    }
}
