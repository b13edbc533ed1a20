package dev.loyalty.adapters.web.campaign.evaluation;

import dev.loyalty.application.campaign.evaluation.EvaluationReport;
import dev.loyalty.application.campaign.evaluation.GroupActivity;
import dev.loyalty.domain.campaign.evaluation.CampaignEvaluation;
import dev.loyalty.domain.campaign.evaluation.GroupFigures;
import dev.loyalty.domain.campaign.evaluation.Uplift;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /campaigns/{id}/evaluation} as JSON. Money in cents (per-customer figures and
 * intervals to 4 decimals); a figure the data do not define (a rate of an empty group, an interval of
 * a group of one) is {@code null}, never NaN.
 *
 * @param campaignId the campaign
 * @param name its name
 * @param attributionDays a member responds by buying within this many days of contact
 * @param targeted members of both groups (a customer counts once per occasion)
 * @param treatment the offered group
 * @param control the held-out group
 * @param uplift treatment minus control
 * @param incrementalRevenue the uplift of revenue per customer times the treatment's size, cents
 * @param cost discounts granted plus the points' value, cents
 * @param costBreakdown what the cost is made of
 * @param returnOnCost (incrementalRevenue - cost) / cost
 * @param windowClosesAt when the last member's window closes
 * @param windowClosed whether the figures are final
 * @param evaluatedAt when computed
 */
@JsonbNillable
@JsonbPropertyOrder({
    "campaignId",
    "name",
    "attributionDays",
    "targeted",
    "treatment",
    "control",
    "uplift",
    "incrementalRevenue",
    "cost",
    "costBreakdown",
    "returnOnCost",
    "windowClosesAt",
    "windowClosed",
    "evaluatedAt"
})
public record EvaluationView(
        String campaignId,
        String name,
        int attributionDays,
        long targeted,
        GroupView treatment,
        GroupView control,
        UpliftsView uplift,
        @JsonbNillable Long incrementalRevenue,
        long cost,
        CostView costBreakdown,
        @JsonbNillable Double returnOnCost,
        Instant windowClosesAt,
        boolean windowClosed,
        Instant evaluatedAt) {

    static EvaluationView of(EvaluationReport report) {
        CampaignEvaluation e = report.evaluation();
        return new EvaluationView(
                report.campaign().id().toString(),
                report.campaign().name(),
                report.campaign().attributionDays(),
                report.targeted(),
                GroupView.of(report.treatment()),
                GroupView.of(report.control()),
                new UpliftsView(
                        e.conversion().map(UpliftView::of).orElse(null),
                        e.revenuePerCustomer().map(UpliftView::of).orElse(null)),
                e.incrementalRevenue().orElse(null),
                e.cost().total(),
                new CostView(e.cost().discounts(), e.cost().points(), e.cost().pointsValue()),
                e.returnOnCost().map(EvaluationView::round).orElse(null),
                report.windowClosesAt().orElse(null),
                report.windowClosed(),
                report.at());
    }

    /** @return {@code value} to 4 decimals */
    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static Double round(Optional<Double> value) {
        return value.map(EvaluationView::round).orElse(null);
    }

    /**
     * One group.
     *
     * @param customers members
     * @param contacted members whose message was queued, sent or delivered
     * @param offered members the run offered something (OFFERED)
     * @param couponsIssued coupons granted
     * @param couponsRedeemed of which redeemed
     * @param responders members with a purchase in their window
     * @param nonResponders the others
     * @param conversionRate responders / customers
     * @param revenue paid less reversed in the windows, cents
     * @param revenuePerCustomer revenue / customers, cents
     * @param purchases attributed purchases
     * @param averageBasket revenue / purchases, cents
     * @param pointsGranted points granted
     * @param contactedPerChannel contacted by channel
     * @param suppressedByReason suppressed (by the run or the outbox) by reason
     */
    @JsonbNillable
    @JsonbPropertyOrder({
        "customers",
        "contacted",
        "offered",
        "couponsIssued",
        "couponsRedeemed",
        "responders",
        "nonResponders",
        "conversionRate",
        "revenue",
        "revenuePerCustomer",
        "purchases",
        "averageBasket",
        "pointsGranted",
        "contactedPerChannel",
        "suppressedByReason"
    })
    public record GroupView(
            long customers,
            long contacted,
            long offered,
            long couponsIssued,
            long couponsRedeemed,
            long responders,
            long nonResponders,
            @JsonbNillable Double conversionRate,
            long revenue,
            @JsonbNillable Double revenuePerCustomer,
            long purchases,
            @JsonbNillable Double averageBasket,
            long pointsGranted,
            Map<String, Long> contactedPerChannel,
            Map<String, Long> suppressedByReason) {

        static GroupView of(GroupActivity activity) {
            GroupFigures f = activity.figures();
            return new GroupView(
                    f.customers(),
                    activity.contacted(),
                    activity.offered(),
                    activity.couponsIssued(),
                    activity.couponsRedeemed(),
                    f.responders(),
                    f.nonResponders(),
                    round(f.conversionRate()),
                    f.revenue(),
                    round(f.revenuePerCustomer()),
                    f.purchases(),
                    round(f.averageBasket()),
                    activity.points(),
                    new TreeMap<>(activity.contactedPerChannel()),
                    new TreeMap<>(activity.suppressedByReason()));
        }
    }

    /**
     * The uplifts; each {@code null} when a group is empty.
     *
     * @param conversion difference of conversion rates, Wald 95% interval
     * @param revenuePerCustomer difference of revenue per customer (cents), Welch 95% interval
     */
    @JsonbNillable
    public record UpliftsView(@JsonbNillable UpliftView conversion, @JsonbNillable UpliftView revenuePerCustomer) {}

    /**
     * One uplift.
     *
     * @param difference treatment minus control
     * @param ci95 [low, high]; {@code null} when undefined (a group of one, no variability observed)
     */
    @JsonbNillable
    public record UpliftView(double difference, @JsonbNillable List<Double> ci95) {

        static UpliftView of(Uplift uplift) {
            return new UpliftView(
                    round(uplift.difference()),
                    uplift.ci95()
                            .map(i -> List.of(round(i.low()), round(i.high())))
                            .orElse(null));
        }
    }

    /**
     * The cost's parts.
     *
     * @param discounts cents of discount the campaign's coupons granted
     * @param points points granted
     * @param pointsValue their value, cents ({@code LOYALTY_POINTS_VALUE_CENTS_PER_THOUSAND})
     */
    public record CostView(long discounts, long points, long pointsValue) {}
}
