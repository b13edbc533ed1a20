package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Replenishment;
import java.time.LocalDate;
import java.util.List;

/** Driven port: who is due for a replenishment offer on a day (the persistence adapter answers set-based). */
public interface ReplenishmentTargets {

    /**
     * @param replenishment the campaign's products and lead time
     * @param day the run's day (in the programme's zone): due are those whose last purchase of a
     *     product with {@code consumptionDays} was on {@code day - (consumptionDays - leadDays)} or
     *     earlier within the same cycle, and who have not bought it (for CROSS_SELL: the mapped
     *     category) since
     * @param afterCustomerId keyset position ("" for the first page), by customer id
     * @param limit page size
     * @return the due targets after {@code afterCustomerId}, ordered by customer id then SKU
     */
    List<ReplenishmentTarget> due(Replenishment replenishment, LocalDate day, String afterCustomerId, int limit);

    /**
     * @param replenishment the campaign's products and lead time
     * @param day the run's day, as for {@link #due}
     * @return how many targets {@link #due} gives over all its pages on that day (a run's total)
     */
    long count(Replenishment replenishment, LocalDate day);
}
