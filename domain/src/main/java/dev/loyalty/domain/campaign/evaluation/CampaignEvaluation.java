package dev.loyalty.domain.campaign.evaluation;

import java.util.Optional;

/**
 * A campaign judged against its control group. Incremental revenue is the uplift of revenue per
 * customer times the treatment's size, in cents (rounded half up); the return on cost is
 * (incremental revenue - cost) / cost.
 *
 * @param treatment what the treatment group did
 * @param control what the control group did
 * @param conversion the uplift of conversion; empty when a group is empty
 * @param revenuePerCustomer the uplift of revenue per customer; empty when a group is empty
 * @param incrementalRevenue cents; empty when a group is empty
 * @param cost the offer's cost
 * @param returnOnCost (incremental revenue - cost) / cost; empty without a cost or an uplift
 */
public record CampaignEvaluation(
        GroupFigures treatment,
        GroupFigures control,
        Optional<Uplift> conversion,
        Optional<Uplift> revenuePerCustomer,
        Optional<Long> incrementalRevenue,
        OfferCost cost,
        Optional<Double> returnOnCost) {

    /** @return the evaluation of these groups at this cost */
    public static CampaignEvaluation of(GroupFigures treatment, GroupFigures control, OfferCost cost) {
        Optional<Uplift> revenue = Uplift.revenuePerCustomer(treatment, control);
        // (revenue_t / n_t - revenue_c / n_c) * n_t, without dividing by n_t first
        Optional<Long> incremental = revenue.map(u -> Math.round(
                treatment.revenue() - (double) control.revenue() * treatment.customers() / control.customers()));
        Optional<Double> returnOnCost =
                cost.total() == 0 ? Optional.empty() : incremental.map(i -> (double) (i - cost.total()) / cost.total());
        return new CampaignEvaluation(
                treatment, control, Uplift.conversion(treatment, control), revenue, incremental, cost, returnOnCost);
    }
}
