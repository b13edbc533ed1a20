package dev.loyalty.adapters.persistence.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The one {@code tier_programme} row (id 1): the programme's rules, its version, who set it when. */
@Entity
@Table(name = "tier_programme")
public class TierProgrammeJpaEntity {

    /** The id of the one row. */
    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "metric", nullable = false)
    String metric;

    @Column(name = "window_months", nullable = false)
    int windowMonths;

    @Column(name = "grace_days", nullable = false)
    int graceDays;

    @Column(name = "review_months", nullable = false)
    int reviewMonths;

    @Column(name = "downgrade_one_step", nullable = false)
    boolean downgradeOneStep;

    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    String changedBy;

    protected TierProgrammeJpaEntity() {}
}
