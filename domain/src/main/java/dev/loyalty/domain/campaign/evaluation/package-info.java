/**
 * A campaign judged against its control group: the figures of each group, the uplift of conversion
 * (difference of proportions with a 95% Wald interval) and of revenue per customer (difference of
 * means with a Welch 95% interval), incremental revenue, cost and return. Plain arithmetic, with the
 * Student t quantile computed here from the regularized incomplete beta function.
 */
package dev.loyalty.domain.campaign.evaluation;
