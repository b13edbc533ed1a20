package dev.loyalty.domain.campaign.evaluation;

import java.util.Optional;

/**
 * Treatment minus control, with its 95% confidence interval when the data define one.
 *
 * @param difference the treatment's figure minus the control's
 * @param ci95 the 95% interval; empty when undefined (a group of one, no variability observed)
 */
public record Uplift(double difference, Optional<Interval> ci95) {

    public Uplift {
        if (!Double.isFinite(difference)) {
            throw new IllegalArgumentException("the difference is finite");
        }
        if (ci95 == null) {
            throw new IllegalArgumentException("ci95 is an Optional");
        }
    }

    /**
     * Conversion: the difference of proportions p_t - p_c with the Wald interval
     * (p_t - p_c) ± z·sqrt(p_t(1-p_t)/n_t + p_c(1-p_c)/n_c), z = {@value StudentT#Z_975}.
     *
     * @return empty when either group is empty; the interval is empty when its standard error is 0
     *     (both proportions 0 or 1: no variability observed)
     */
    public static Optional<Uplift> conversion(GroupFigures treatment, GroupFigures control) {
        if (treatment.customers() == 0 || control.customers() == 0) {
            return Optional.empty();
        }
        double pt = treatment.conversionRate().orElseThrow();
        double pc = control.conversionRate().orElseThrow();
        double se = Math.sqrt(pt * (1 - pt) / treatment.customers() + pc * (1 - pc) / control.customers());
        double difference = pt - pc;
        return Optional.of(new Uplift(
                difference, se > 0 ? Optional.of(Interval.around(difference, StudentT.Z_975 * se)) : Optional.empty()));
    }

    /**
     * Revenue per customer: the difference of means with Welch's interval
     * (m_t - m_c) ± t(0.975, ν)·sqrt(s_t²/n_t + s_c²/n_c), ν by Welch-Satterthwaite.
     *
     * @return empty when either group is empty; the interval is empty when a group has fewer than two
     *     members (its variance is undefined) or both variances are 0
     */
    public static Optional<Uplift> revenuePerCustomer(GroupFigures treatment, GroupFigures control) {
        if (treatment.customers() == 0 || control.customers() == 0) {
            return Optional.empty();
        }
        double difference = treatment.revenuePerCustomer().orElseThrow()
                - control.revenuePerCustomer().orElseThrow();
        Optional<Interval> interval = treatment.revenueVariance().flatMap(vt -> control.revenueVariance()
                .flatMap(vc -> welch(difference, vt, treatment.customers(), vc, control.customers())));
        return Optional.of(new Uplift(difference, interval));
    }

    private static Optional<Interval> welch(double difference, double vt, long nt, double vc, long nc) {
        double at = vt / nt;
        double ac = vc / nc;
        double se2 = at + ac;
        if (!(se2 > 0)) {
            return Optional.empty();
        }
        double df = welchDegreesOfFreedom(vt, nt, vc, nc);
        return Optional.of(Interval.around(difference, StudentT.quantile(0.975, df) * Math.sqrt(se2)));
    }

    /**
     * ν = (s_t²/n_t + s_c²/n_c)² / ((s_t²/n_t)²/(n_t - 1) + (s_c²/n_c)²/(n_c - 1)).
     *
     * @param vt the treatment's sample variance
     * @param nt its size, at least 2
     * @param vc the control's sample variance
     * @param nc its size, at least 2
     */
    public static double welchDegreesOfFreedom(double vt, long nt, double vc, long nc) {
        if (nt < 2 || nc < 2) {
            throw new IllegalArgumentException("Welch needs two members in each group");
        }
        double at = vt / nt;
        double ac = vc / nc;
        return (at + ac) * (at + ac) / (at * at / (nt - 1) + ac * ac / (nc - 1));
    }
}
