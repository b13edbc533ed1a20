package dev.loyalty.domain.campaign;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.segment.ConditionParser;
import dev.loyalty.domain.segment.JsonText;
import dev.loyalty.domain.segment.SegmentConditionInvalidException;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.Points;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a campaign definition (see the README's "Campaigns") into a {@link CampaignDefinition},
 * refusing a bad node with a {@link CampaignInvalidException} that names its JSON path, as the
 * segments' {@link ConditionParser} does (whose paths an inline audience condition keeps, under
 * {@code $.audience.condition}).
 */
public final class CampaignDefinitionParser {

    public static final int MAX_NAME = 200;
    public static final int MAX_OBJECTIVE = 1_000;
    public static final int MAX_TEMPLATE = 2_000;
    public static final int DEFAULT_HOLDOUT = 10;
    public static final int DEFAULT_ATTRIBUTION_DAYS = 14;
    public static final int MAX_ATTRIBUTION_DAYS = 365;
    public static final int MAX_PRODUCTS = 1_000;
    public static final long MAX_CENTS = 100_000_000_00L;

    private static final Set<String> KEYS = Set.of(
            "name",
            "objective",
            "type",
            "audience",
            "holdoutPercent",
            "offer",
            "message",
            "schedule",
            "attributionDays",
            "budget",
            "activeFrom",
            "activeUntil",
            "replenishment",
            "followUp");

    private CampaignDefinitionParser() {}

    /**
     * @param json the definition as JSON text
     * @return the validated definition (keeping the text)
     * @throws CampaignInvalidException naming the path of the first bad node
     */
    public static CampaignDefinition parse(String json) {
        if (json == null || json.isBlank()) {
            throw bad("$", "a campaign definition is required");
        }
        Object tree;
        try {
            tree = JsonText.read(json);
        } catch (SegmentConditionInvalidException e) {
            throw bad(e.path(), detail(e));
        }
        Map<String, Object> o = object(tree, "$");
        only(o, "$", KEYS);
        String name = text(o.get("name"), "$.name", MAX_NAME);
        Optional<String> objective = o.containsKey("objective")
                ? Optional.of(text(o.get("objective"), "$.objective", MAX_OBJECTIVE))
                : Optional.empty();
        CampaignType type = type(o.get("type"));
        Optional<Audience> audience = audience(o, type);
        int holdout = o.containsKey("holdoutPercent")
                ? (int) whole(o.get("holdoutPercent"), "$.holdoutPercent", 0, Holdout.MAX_PERCENT)
                : DEFAULT_HOLDOUT;
        Offer offer = offer(o.get("offer"), type);
        Optional<MessagePlan> message =
                o.containsKey("message") ? Optional.of(message(o.get("message"))) : Optional.empty();
        Schedule schedule = o.containsKey("schedule") ? schedule(o.get("schedule")) : new Schedule.Manual();
        int attribution = o.containsKey("attributionDays")
                ? (int) whole(o.get("attributionDays"), "$.attributionDays", 1, MAX_ATTRIBUTION_DAYS)
                : DEFAULT_ATTRIBUTION_DAYS;
        Budget budget = o.containsKey("budget") ? budget(o.get("budget")) : Budget.unlimited();
        Optional<Instant> from = optionalInstant(o, "activeFrom");
        Optional<Instant> until = optionalInstant(o, "activeUntil");
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            throw bad("$.activeUntil", "activeUntil is after activeFrom");
        }
        Optional<Replenishment> replenishment = Optional.empty();
        if (type == CampaignType.REPLENISHMENT) {
            replenishment = Optional.of(replenishment(required(o, "replenishment", "a REPLENISHMENT campaign")));
        } else if (o.containsKey("replenishment")) {
            throw bad("$.replenishment", "only a REPLENISHMENT campaign has a replenishment");
        }
        Optional<FollowUp> followUp = Optional.empty();
        if (type == CampaignType.FOLLOW_UP) {
            followUp = Optional.of(followUp(required(o, "followUp", "a FOLLOW_UP campaign")));
        } else if (o.containsKey("followUp")) {
            throw bad("$.followUp", "only a FOLLOW_UP campaign has a followUp");
        }
        if (offer instanceof Offer.None && message.isEmpty()) {
            throw bad("$.offer", "a campaign offers something or sends a message (or both)");
        }
        return new CampaignDefinition(
                name,
                objective,
                type,
                audience,
                holdout,
                offer,
                message,
                schedule,
                attribution,
                budget,
                from,
                until,
                replenishment,
                followUp,
                json.strip());
    }

    private static CampaignType type(Object value) {
        String raw = text(value, "$.type", 20);
        try {
            return CampaignType.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("$.type", "type is CALENDAR, REPLENISHMENT, PERSONAL_OFFER or FOLLOW_UP");
        }
    }

    private static Optional<Audience> audience(Map<String, Object> o, CampaignType type) {
        boolean needs = type == CampaignType.CALENDAR || type == CampaignType.PERSONAL_OFFER;
        if (!o.containsKey("audience")) {
            if (needs) {
                throw bad("$.audience", "a " + type + " campaign has an audience: {segmentId} or {condition}");
            }
            return Optional.empty();
        }
        if (!needs) {
            throw bad(
                    "$.audience",
                    "a " + type + " campaign has no audience (its targets come from its "
                            + (type == CampaignType.FOLLOW_UP ? "followUp" : "replenishment") + ")");
        }
        Map<String, Object> a = object(o.get("audience"), "$.audience");
        only(a, "$.audience", Set.of("segmentId", "condition"));
        if (a.containsKey("segmentId") == a.containsKey("condition")) {
            throw bad("$.audience", "an audience is {segmentId} or {condition} (one of them)");
        }
        if (a.containsKey("segmentId")) {
            return Optional.of(new Audience.OfSegment(new SegmentId(uuid(a.get("segmentId"), "$.audience.segmentId"))));
        }
        try {
            return Optional.of(
                    new Audience.OfCondition(ConditionParser.parseTree(a.get("condition"), "$.audience.condition")));
        } catch (SegmentConditionInvalidException e) {
            throw bad(e.path(), detail(e));
        }
    }

    private static Offer offer(Object value, CampaignType type) {
        if (value == null || "none".equals(value)) {
            if (type == CampaignType.PERSONAL_OFFER) {
                throw bad("$.offer", "a PERSONAL_OFFER campaign has offer: {templateId, personal: {...}}");
            }
            return new Offer.None();
        }
        Map<String, Object> o = object(value, "$.offer");
        only(o, "$.offer", Set.of("templateId", "points", "personal"));
        if (o.containsKey("personal")) {
            if (type != CampaignType.PERSONAL_OFFER) {
                throw bad("$.offer.personal", "only a PERSONAL_OFFER campaign has personal figures");
            }
            if (o.containsKey("points")) {
                throw bad("$.offer.points", "a personal offer is a coupon, not points");
            }
            CouponTemplateId template = new CouponTemplateId(uuid(
                    required(o, "templateId", "a personal offer (the template gives the coupon's validity)", "$.offer"),
                    "$.offer.templateId"));
            return new Offer.Personal(template, personal(o.get("personal")));
        }
        if (type == CampaignType.PERSONAL_OFFER) {
            throw bad("$.offer.personal", "a PERSONAL_OFFER campaign has personal figures");
        }
        if (o.containsKey("templateId") == o.containsKey("points")) {
            throw bad("$.offer", "an offer is {templateId}, {points} or {templateId, personal} (or none)");
        }
        if (o.containsKey("templateId")) {
            return new Offer.Coupon(new CouponTemplateId(uuid(o.get("templateId"), "$.offer.templateId")));
        }
        return new Offer.GrantPoints(new Points(whole(o.get("points"), "$.offer.points", 1, Integer.MAX_VALUE)));
    }

    private static PersonalOffer personal(Object value) {
        String path = "$.offer.personal";
        Map<String, Object> p = object(value, path);
        only(
                p,
                path,
                Set.of(
                        "valuePercentOfAverageBasket",
                        "valueCents",
                        "minSpendMultipleOfAverageBasket",
                        "roundTo",
                        "min",
                        "max",
                        "category"));
        if (p.containsKey("valuePercentOfAverageBasket") == p.containsKey("valueCents")) {
            throw bad(path, "a personal offer has valuePercentOfAverageBasket or valueCents (one of them)");
        }
        Optional<BigDecimal> percent = Optional.empty();
        OptionalLong cents = OptionalLong.empty();
        if (p.containsKey("valueCents")) {
            cents = OptionalLong.of(whole(p.get("valueCents"), path + ".valueCents", 1, MAX_CENTS));
        } else {
            percent = Optional.of(
                    decimal(p.get("valuePercentOfAverageBasket"), path + ".valuePercentOfAverageBasket", "100"));
        }
        Optional<BigDecimal> multiple = p.containsKey("minSpendMultipleOfAverageBasket")
                ? Optional.of(decimal(
                        p.get("minSpendMultipleOfAverageBasket"), path + ".minSpendMultipleOfAverageBasket", "100"))
                : Optional.empty();
        long roundTo = p.containsKey("roundTo") ? whole(p.get("roundTo"), path + ".roundTo", 1, MAX_CENTS) : 1;
        long min = p.containsKey("min") ? whole(p.get("min"), path + ".min", 0, MAX_CENTS) : 0;
        long max = p.containsKey("max") ? whole(p.get("max"), path + ".max", 1, MAX_CENTS) : MAX_CENTS;
        if (max < min) {
            throw bad(path + ".max", "max is at least min");
        }
        Optional<String> category = p.containsKey("category")
                ? Optional.of(text(p.get("category"), path + ".category", 64))
                : Optional.empty();
        return new PersonalOffer(percent, cents, multiple, roundTo, min, max, category);
    }

    private static MessagePlan message(Object value) {
        Map<String, Object> m = object(value, "$.message");
        only(m, "$.message", Set.of("channel", "template", "priority"));
        Optional<Channel> channel = Optional.empty();
        if (m.containsKey("channel")) {
            String raw = text(m.get("channel"), "$.message.channel", 20);
            try {
                channel = Optional.of(Channel.valueOf(raw.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad("$.message.channel", "a channel is SMS, EMAIL, PUSH, PRINT_AT_TILL or STAFF_CALL");
            }
        }
        String template = text(required(m, "template", "a message", "$.message"), "$.message.template", MAX_TEMPLATE);
        int priority = m.containsKey("priority") ? (int) whole(m.get("priority"), "$.message.priority", 0, 100) : 0;
        return new MessagePlan(channel, template, priority);
    }

    private static Schedule schedule(Object value) {
        Map<String, Object> s = object(value, "$.schedule");
        only(s, "$.schedule", Set.of("at", "daily", "cron"));
        if (s.size() != 1) {
            throw bad("$.schedule", "a schedule is {at}, {daily: \"HH:MM\"} or {cron} (one of them)");
        }
        if (s.containsKey("cron")) {
            String raw = text(s.get("cron"), "$.schedule.cron", 200);
            try {
                return new Schedule.Cron(CronExpression.parse(raw));
            } catch (IllegalArgumentException e) {
                throw bad("$.schedule.cron", e.getMessage());
            }
        }
        if (s.containsKey("at")) {
            return new Schedule.Once(instant(s.get("at"), "$.schedule.at"));
        }
        String raw = text(s.get("daily"), "$.schedule.daily", 5);
        if (!raw.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw bad("$.schedule.daily", "daily takes a time HH:MM (00:00 to 23:59)");
        }
        return new Schedule.Daily(LocalTime.parse(raw));
    }

    private static Budget budget(Object value) {
        Map<String, Object> b = object(value, "$.budget");
        only(b, "$.budget", Set.of("maxCoupons", "maxPoints", "maxDiscountCents"));
        return new Budget(limit(b, "maxCoupons"), limit(b, "maxPoints"), limit(b, "maxDiscountCents"));
    }

    private static OptionalLong limit(Map<String, Object> b, String key) {
        return b.containsKey(key)
                ? OptionalLong.of(whole(b.get(key), "$.budget." + key, 0, Long.MAX_VALUE / 4))
                : OptionalLong.empty();
    }

    private static Replenishment replenishment(Object value) {
        String path = "$.replenishment";
        Map<String, Object> r = object(value, path);
        only(r, path, Set.of("skus", "categories", "leadDays", "propose"));
        List<String> skus = r.containsKey("skus") ? texts(r.get("skus"), path + ".skus") : List.of();
        List<String> categories =
                r.containsKey("categories") ? texts(r.get("categories"), path + ".categories") : List.of();
        if (skus.isEmpty() && categories.isEmpty()) {
            throw bad(path, "a replenishment names skus or categories");
        }
        int lead = (int) whole(required(r, "leadDays", "a replenishment", path), path + ".leadDays", 0, 3_650);
        Replenishment.Proposal propose = Replenishment.Proposal.SAME;
        if (r.containsKey("propose")) {
            String raw = text(r.get("propose"), path + ".propose", 20);
            try {
                propose = Replenishment.Proposal.valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(path + ".propose", "propose is SAME or CROSS_SELL");
            }
        }
        return new Replenishment(skus, categories, lead, propose);
    }

    private static FollowUp followUp(Object value) {
        String path = "$.followUp";
        Map<String, Object> f = object(value, path);
        only(f, path, Set.of("campaignId", "group"));
        CampaignId earlier = new CampaignId(uuid(required(f, "campaignId", "a followUp", path), path + ".campaignId"));
        String raw = text(required(f, "group", "a followUp", path), path + ".group", 20);
        try {
            return new FollowUp(earlier, FollowUp.Group.valueOf(raw.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw bad(path + ".group", "group is RESPONDERS or NON_RESPONDERS");
        }
    }

    private static List<String> texts(Object value, String path) {
        if (!(value instanceof List<?> list)) {
            throw bad(path, "a list of texts is expected");
        }
        if (list.size() > MAX_PRODUCTS) {
            throw bad(path, "at most " + MAX_PRODUCTS + " values");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            texts.add(text(list.get(i), path + "[" + i + "]", 64));
        }
        return texts;
    }

    private static Object required(Map<String, Object> o, String key, String what) {
        return required(o, key, what, "$");
    }

    private static Object required(Map<String, Object> o, String key, String what, String path) {
        if (!o.containsKey(key) || o.get(key) == JsonText.NULL) {
            throw bad(path + "." + key, what + " has " + key);
        }
        return o.get(key);
    }

    private static Optional<Instant> optionalInstant(Map<String, Object> o, String key) {
        return o.containsKey(key) ? Optional.of(instant(o.get(key), "$." + key)) : Optional.empty();
    }

    private static Instant instant(Object value, String path) {
        String raw = text(value, path, 40);
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw bad(path, "an instant in ISO-8601 UTC, e.g. 2026-12-20T09:00:00Z");
        }
    }

    private static UUID uuid(Object value, String path) {
        String raw = text(value, path, 40);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw bad(path, "an id (UUID) is expected");
        }
    }

    private static long whole(Object value, String path, long min, long max) {
        if (!(value instanceof BigDecimal number)) {
            throw bad(path, "a whole number is expected");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw bad(path, "a whole number is expected");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(path, "between " + min + " and " + max);
        }
        return number.longValueExact();
    }

    private static BigDecimal decimal(Object value, String path, String max) {
        if (!(value instanceof BigDecimal number)) {
            throw bad(path, "a number is expected");
        }
        if (number.signum() <= 0 || number.compareTo(new BigDecimal(max)) > 0) {
            throw bad(path, "above 0 and at most " + max);
        }
        if (number.stripTrailingZeros().scale() > 4) {
            throw bad(path, "at most 4 decimals");
        }
        return number;
    }

    private static String text(Object value, String path, int max) {
        if (value == null || value == JsonText.NULL) {
            throw bad(path, "a value is required");
        }
        if (!(value instanceof String s)) {
            throw bad(path, "a string is expected");
        }
        String stripped = s.strip();
        if (stripped.isEmpty()) {
            throw bad(path, "a value is required");
        }
        if (stripped.length() > max) {
            throw bad(path, "at most " + max + " characters");
        }
        return stripped;
    }

    private static Map<String, Object> object(Object value, String path) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw bad(path, "a JSON object is expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) raw;
        return o;
    }

    private static void only(Map<String, Object> o, String path, Set<String> allowed) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                String shown = key.length() > 40 ? key.substring(0, 40) + "..." : key;
                throw bad(path + "." + shown.replaceAll("[^\\p{Print}]", "?"), "unknown key here");
            }
        }
    }

    private static String detail(SegmentConditionInvalidException e) {
        String message = e.getMessage();
        String prefix = e.path() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static CampaignInvalidException bad(String path, String detail) {
        return new CampaignInvalidException(path.length() > 300 ? path.substring(0, 300) + "..." : path, detail);
    }
}
