package dev.loyalty.adapters.web.campaign.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The evaluation as CSV for a spreadsheet: one row per figure, columns
 * {@code metric,treatment,control,difference,ci95_low,ci95_high}; an undefined figure is an empty
 * cell. Channels and reasons come as {@code contacted:SMS}, {@code suppressed:pressure}.
 */
final class EvaluationCsv {

    static final String HEADER = "metric,treatment,control,difference,ci95_low,ci95_high";

    private EvaluationCsv() {}

    static String of(EvaluationView v) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        EvaluationView.GroupView t = v.treatment();
        EvaluationView.GroupView c = v.control();
        row(csv, "customers", t.customers(), c.customers());
        row(csv, "contacted", t.contacted(), c.contacted());
        row(csv, "offered", t.offered(), c.offered());
        row(csv, "couponsIssued", t.couponsIssued(), c.couponsIssued());
        row(csv, "couponsRedeemed", t.couponsRedeemed(), c.couponsRedeemed());
        row(csv, "responders", t.responders(), c.responders());
        row(csv, "nonResponders", t.nonResponders(), c.nonResponders());
        uplift(
                csv,
                "conversionRate",
                t.conversionRate(),
                c.conversionRate(),
                v.uplift().conversion());
        row(csv, "revenue", t.revenue(), c.revenue());
        uplift(
                csv,
                "revenuePerCustomer",
                t.revenuePerCustomer(),
                c.revenuePerCustomer(),
                v.uplift().revenuePerCustomer());
        row(csv, "purchases", t.purchases(), c.purchases());
        row(csv, "averageBasket", t.averageBasket(), c.averageBasket());
        row(csv, "pointsGranted", t.pointsGranted(), c.pointsGranted());
        keyed(csv, "contacted:", t.contactedPerChannel(), c.contactedPerChannel());
        keyed(csv, "suppressed:", t.suppressedByReason(), c.suppressedByReason());
        csv.append("incrementalRevenue,,,").append(cell(v.incrementalRevenue())).append(",,\n");
        csv.append("cost,").append(v.cost()).append(",,,,\n");
        csv.append("returnOnCost,,,").append(cell(v.returnOnCost())).append(",,\n");
        return csv.toString();
    }

    private static void row(StringBuilder csv, String metric, Object treatment, Object control) {
        csv.append(text(metric))
                .append(',')
                .append(cell(treatment))
                .append(',')
                .append(cell(control))
                .append(",,,\n");
    }

    private static void uplift(
            StringBuilder csv, String metric, Double treatment, Double control, EvaluationView.UpliftView uplift) {
        List<Double> ci = uplift == null ? null : uplift.ci95();
        csv.append(metric)
                .append(',')
                .append(cell(treatment))
                .append(',')
                .append(cell(control))
                .append(',')
                .append(uplift == null ? "" : cell(uplift.difference()))
                .append(',')
                .append(ci == null ? "" : cell(ci.get(0)))
                .append(',')
                .append(ci == null ? "" : cell(ci.get(1)))
                .append('\n');
    }

    private static void keyed(
            StringBuilder csv, String prefix, Map<String, Long> treatment, Map<String, Long> control) {
        TreeSet<String> keys = new TreeSet<>(treatment.keySet());
        keys.addAll(control.keySet());
        for (String key : keys) {
            row(csv, prefix + key, treatment.getOrDefault(key, 0L), control.getOrDefault(key, 0L));
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }

    /** A text cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String text(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
