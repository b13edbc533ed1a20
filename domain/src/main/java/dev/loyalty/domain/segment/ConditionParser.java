package dev.loyalty.domain.segment;

import dev.loyalty.domain.customer.ConsentPurpose;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the condition language (see the README's "Segments") into a {@link Condition}, refusing a
 * bad node with a {@link SegmentConditionInvalidException} that names its JSON path. Limits: at
 * most {@value #MAX_DEPTH} levels of nesting, {@value #MAX_NODES} nodes, {@value #MAX_VALUES}
 * values in a list, {@value #MAX_TEXT} characters in a value, numbers within +-{@value
 * #MAX_UNITS} of the metric's unit and days within {@value #MAX_DAYS}.
 */
public final class ConditionParser {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_NODES = 200;
    public static final int MAX_VALUES = 100;
    public static final int MAX_TEXT = 100;
    public static final long MAX_UNITS = 1_000_000_000_000_000L;
    public static final int MAX_DAYS = 36_500;

    private int nodes;

    private ConditionParser() {}

    /**
     * @param json the condition as JSON text
     * @return the condition
     * @throws SegmentConditionInvalidException naming the path of the first bad node
     */
    public static Condition parse(String json) {
        return new ConditionParser().node(JsonText.read(json), "$", 1);
    }

    /**
     * Reads a condition already read as JSON ({@link JsonText#read}) inside a larger document.
     *
     * @param tree the condition's JSON value
     * @param path its JSON path in the document (the paths of bad nodes start there)
     * @return the condition
     * @throws SegmentConditionInvalidException naming the path of the first bad node
     */
    public static Condition parseTree(Object tree, String path) {
        return new ConditionParser().node(tree, path, 1);
    }

    private Condition node(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw bad(path, "conditions nest at most " + MAX_DEPTH + " levels deep");
        }
        if (++nodes > MAX_NODES) {
            throw bad(path, "a condition has at most " + MAX_NODES + " nodes");
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw bad(path, "a condition is a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) raw;
        if (o.containsKey("metric")) {
            return metric(o, path);
        }
        if (o.containsKey("attribute")) {
            return attribute(o, path);
        }
        if (o.size() != 1) {
            throw bad(
                    path,
                    o.isEmpty()
                            ? "an empty condition"
                            : "a condition has one key (all, any, not, metric, bought, attribute, consent, tier,"
                                    + " answer, inSegment), not " + o.size());
        }
        String key = o.keySet().iterator().next();
        Object body = o.get(key);
        String at = path + "." + key;
        return switch (key) {
            case "all" -> new Condition.All(children(body, at, depth));
            case "any" -> new Condition.Any(children(body, at, depth));
            case "not" -> new Condition.Not(node(body, at, depth + 1));
            case "bought" -> bought(body, at);
            case "consent" -> new Condition.HasConsent(consent(body, at));
            case "tier" -> new Condition.InTier(text(body, at));
            case "answer" -> answer(body, at);
            case "inSegment" -> new Condition.InSegment(segment(body, at));
            default -> throw bad(at, "unknown condition " + quoted(key));
        };
    }

    private List<Condition> children(Object body, String path, int depth) {
        if (!(body instanceof List<?> list)) {
            throw bad(path, "a list of conditions is expected");
        }
        if (list.isEmpty()) {
            throw bad(path, "at least one condition");
        }
        if (list.size() > MAX_VALUES) {
            throw bad(path, "at most " + MAX_VALUES + " conditions");
        }
        java.util.ArrayList<Condition> children = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            children.add(node(list.get(i), path + "[" + i + "]", depth + 1));
        }
        return children;
    }

    private Condition metric(Map<String, Object> o, String path) {
        only(o, path, Set.of("metric", "op", "value"));
        String name = text(o.get("metric"), path + ".metric");
        Optional<String> category = Optional.empty();
        String base = name;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            base = name.substring(0, colon);
            category = Optional.of(name.substring(colon + 1).strip());
        }
        Metric metric = Metric.byJsonName(base)
                .orElseThrow(() -> bad(
                        path + ".metric",
                        "unknown metric " + quoted(name) + " (recencyDays, frequency, monetary, rfm.r, rfm.f,"
                                + " rfm.m, averageBasket, lifetimeValue, engagement, visitsPerMonth,"
                                + " categoryShare:<category>)"));
        if (metric == Metric.CATEGORY_SHARE
                && category.filter(c -> !c.isEmpty()).isEmpty()) {
            throw bad(path + ".metric", "categoryShare names its category: categoryShare:<category>");
        }
        if (metric != Metric.CATEGORY_SHARE && category.isPresent()) {
            throw bad(path + ".metric", "only categoryShare names a category");
        }
        String rawOp = text(o.get("op"), path + ".op");
        Comparison op = Comparison.byJsonName(rawOp)
                .orElseThrow(() -> bad(path + ".op", "op is lt, lte, gt, gte, eq or between"));
        Object value = o.get("value");
        if (value == null) {
            throw bad(path + ".value", "a value is required");
        }
        if (op == Comparison.BETWEEN) {
            if (!(value instanceof List<?> pair) || pair.size() != 2) {
                throw bad(path + ".value", "between takes [from, to]");
            }
            long from = units(metric, pair.get(0), path + ".value[0]");
            long to = units(metric, pair.get(1), path + ".value[1]");
            if (to < from) {
                throw bad(path + ".value", "between takes [from, to] with from <= to");
            }
            return new Condition.MetricIs(metric, category, op, from, to);
        }
        long v = units(metric, value, path + ".value");
        return new Condition.MetricIs(metric, category, op, v, v);
    }

    private static long units(Metric metric, Object value, String path) {
        if (!(value instanceof BigDecimal number)) {
            throw bad(path, "a number is expected");
        }
        BigDecimal units = number.multiply(BigDecimal.valueOf(metric.unitsPerValue()));
        if (units.abs().compareTo(BigDecimal.valueOf(MAX_UNITS)) > 0) {
            throw bad(path, "the number is out of range");
        }
        if (units.stripTrailingZeros().scale() > 0) {
            throw bad(
                    path,
                    metric.decimals() == 0
                            ? metric.jsonName() + " takes a whole number"
                            : metric.jsonName() + " takes at most " + metric.decimals() + " decimals");
        }
        long result = units.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        if (metric == Metric.RECENCY_DAYS && (result < 0 || result > MAX_DAYS)) {
            throw bad(path, "recencyDays is between 0 and " + MAX_DAYS);
        }
        return result;
    }

    private Condition bought(Object body, String path) {
        Map<String, Object> o = object(body, path);
        only(o, path, Set.of("category", "sku", "betweenDaysAgo", "notSince"));
        if (o.containsKey("category") == o.containsKey("sku")) {
            throw bad(path, "bought names a category or a sku (one of them)");
        }
        Condition.Item item = o.containsKey("category") ? Condition.Item.CATEGORY : Condition.Item.SKU;
        String key = item == Condition.Item.CATEGORY ? "category" : "sku";
        String value = text(o.get(key), path + "." + key);
        Optional<Condition.DayRange> days = Optional.empty();
        if (o.containsKey("betweenDaysAgo")) {
            String at = path + ".betweenDaysAgo";
            if (!(o.get("betweenDaysAgo") instanceof List<?> pair) || pair.size() != 2) {
                throw bad(at, "betweenDaysAgo takes [from, to] (days ago)");
            }
            int from = days(pair.get(0), at + "[0]");
            int to = days(pair.get(1), at + "[1]");
            if (to < from) {
                throw bad(at, "betweenDaysAgo takes [from, to] with from <= to (e.g. [25, 35])");
            }
            days = Optional.of(new Condition.DayRange(from, to));
        }
        boolean notSince = false;
        if (o.containsKey("notSince")) {
            if (!(o.get("notSince") instanceof Boolean flag)) {
                throw bad(path + ".notSince", "notSince is true or false");
            }
            notSince = flag;
            if (notSince && days.isEmpty()) {
                throw bad(path + ".notSince", "notSince needs betweenDaysAgo");
            }
        }
        return new Condition.Bought(item, value, days, notSince);
    }

    private static int days(Object value, String path) {
        if (!(value instanceof BigDecimal number)) {
            throw bad(path, "a number of days is expected");
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(MAX_DAYS)) > 0) {
            throw bad(path, "days are between 0 and " + MAX_DAYS);
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw bad(path, "days are whole");
        }
        return number.intValueExact();
    }

    private Condition attribute(Map<String, Object> o, String path) {
        String name = text(o.get("attribute"), path + ".attribute");
        Attribute attribute = Attribute.byJsonName(name)
                .orElseThrow(() -> bad(
                        path + ".attribute",
                        "unknown attribute " + quoted(name)
                                + " (city, province, homeStore, gender, ageBand, enrolmentChannel)"));
        Set<String> values = values(o, path, Set.of("attribute", "in", "eq"));
        String at = path + (o.containsKey("in") ? ".in" : ".eq");
        if (attribute == Attribute.AGE_BAND) {
            for (String v : values) {
                if (AgeBand.byLabel(v).isEmpty()) {
                    throw bad(at, "an age band is 0-17, 18-24, 25-34, 35-44, 45-54, 55-64 or 65+");
                }
            }
        }
        if (attribute == Attribute.ENROLMENT_CHANNEL) {
            Set<String> upper = new LinkedHashSet<>();
            for (String v : values) {
                String channel = v.toUpperCase(Locale.ROOT);
                if (!Set.of("STORE", "APP", "WEB").contains(channel)) {
                    throw bad(at, "an enrolment channel is STORE, APP or WEB");
                }
                upper.add(channel);
            }
            values = upper;
        }
        return new Condition.AttributeIn(attribute, values);
    }

    /** The values of {@code in: [...]} or {@code eq: "..."} (exactly one of them). */
    private static Set<String> values(Map<String, Object> o, String path, Set<String> allowed) {
        only(o, path, allowed);
        String eqKey = allowed.contains("eq") ? "eq" : "value";
        if (o.containsKey("in") == o.containsKey(eqKey)) {
            throw bad(path, "give either " + eqKey + ": \"...\" or in: [\"...\", ...]");
        }
        if (o.containsKey(eqKey)) {
            return Set.of(text(o.get(eqKey), path + "." + eqKey));
        }
        String at = path + ".in";
        if (!(o.get("in") instanceof List<?> list) || list.isEmpty()) {
            throw bad(at, "in takes a non-empty list of values");
        }
        if (list.size() > MAX_VALUES) {
            throw bad(at, "at most " + MAX_VALUES + " values");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            values.add(text(list.get(i), at + "[" + i + "]"));
        }
        return values;
    }

    private static ConsentPurpose consent(Object body, String path) {
        String raw = text(body, path);
        String wanted = raw.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (purpose.name().replace("_", "").equals(wanted)) {
                return purpose;
            }
        }
        throw bad(path, "a consent is MARKETING_EMAIL, MARKETING_SMS, MARKETING_PUSH or PROFILING");
    }

    private static Condition answer(Object body, String path) {
        Map<String, Object> o = object(body, path);
        String question = text(o.get("question"), path + ".question");
        return new Condition.Answered(question, values(o, path, Set.of("question", "value", "in")));
    }

    private static SegmentId segment(Object body, String path) {
        String raw = text(body, path);
        try {
            return new SegmentId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw bad(path, "inSegment takes a segment id");
        }
    }

    private static Map<String, Object> object(Object body, String path) {
        if (!(body instanceof Map<?, ?> raw)) {
            throw bad(path, "a JSON object is expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) raw;
        return o;
    }

    private static void only(Map<String, Object> o, String path, Set<String> allowed) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw bad(path + "." + key, "unknown key " + quoted(key) + " here");
            }
        }
    }

    private static String text(Object value, String path) {
        if (value == null) {
            throw bad(path, "a value is required");
        }
        if (!(value instanceof String s)) {
            throw bad(path, "a string is expected");
        }
        String stripped = s.strip();
        if (stripped.isEmpty()) {
            throw bad(path, "a value is required");
        }
        if (stripped.length() > MAX_TEXT) {
            throw bad(path, "at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    private static String quoted(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return '"' + shown.replaceAll("[^\\p{Print}]", "?") + '"';
    }

    private static SegmentConditionInvalidException bad(String path, String detail) {
        String shown = path.length() > 300 ? path.substring(0, 300) + "..." : path;
        return new SegmentConditionInvalidException(shown, detail);
    }
}
