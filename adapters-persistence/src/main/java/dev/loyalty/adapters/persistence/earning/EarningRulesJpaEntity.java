package dev.loyalty.adapters.persistence.earning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One {@code earning_rules} row: a version, keyed by the UTC instant it takes effect. */
@Entity
@Table(name = "earning_rules")
public class EarningRulesJpaEntity {

    @Id
    @Column(name = "effective_from")
    LocalDateTime effectiveFrom;

    @Column(name = "currency", nullable = false)
    String currency;

    @Column(name = "points_per_currency_unit", nullable = false)
    int pointsPerCurrencyUnit;

    @Column(name = "rounding", nullable = false)
    String rounding;

    @Column(name = "category_multipliers", nullable = false)
    String categoryMultipliers;

    @Column(name = "excluded_categories", nullable = false)
    String excludedCategories;

    protected EarningRulesJpaEntity() {}
}
