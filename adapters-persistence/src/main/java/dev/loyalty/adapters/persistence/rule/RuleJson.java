package dev.loyalty.adapters.persistence.rule;

import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleConditions;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.Points;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A rule's conditions and actions as the JSON document kept in {@code rule.definition}. */
final class RuleJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private RuleJson() {}

    static String write(RuleConditions conditions, List<RuleAction> actions, Set<EventSource> sources) {
        JsonObjectBuilder c = JSON.createObjectBuilder();
        JsonObjectBuilder attributes = JSON.createObjectBuilder();
        conditions.attributes().forEach(attributes::add);
        c.add("attributes", attributes);
        c.add("storeIds", strings(conditions.storeIds()));
        c.add("channels", strings(conditions.channels()));
        c.add("categories", strings(conditions.categories()));
        conditions.minAmount().ifPresent(m -> c.add("minAmount", m));
        c.add("consents", strings(conditions.consents().stream().map(Enum::name).toList()));
        c.add(
                "enrolmentChannels",
                strings(conditions.enrolmentChannels().stream().map(Enum::name).toList()));
        conditions.activeFrom().ifPresent(at -> c.add("activeFrom", at.toString()));
        conditions.activeUntil().ifPresent(at -> c.add("activeUntil", at.toString()));
        c.add("oncePerCustomer", conditions.oncePerCustomer());
        c.add(
                "segments",
                strings(conditions.segments().stream().map(SegmentId::toString).toList()));
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (RuleAction action : actions) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("type", action.type());
            if (action instanceof RuleAction.IssueCoupon issue) {
                o.add("templateId", issue.templateId().toString());
            } else if (action instanceof RuleAction.AwardPoints award) {
                o.add("points", award.points().value());
            } else if (action instanceof RuleAction.SendMessage send) {
                send.channel().ifPresent(ch -> o.add("channel", ch));
                o.add("template", send.template());
                o.add("transactional", send.transactional());
                o.add("priority", send.priority());
            } else if (action instanceof RuleAction.AdvanceMission advance) {
                o.add("missionId", advance.missionId().toString());
            }
            a.add(o);
        }
        return JSON.createObjectBuilder()
                .add("conditions", c)
                .add("actions", a)
                .add("sources", strings(sources.stream().map(Enum::name).toList()))
                .build()
                .toString();
    }

    /** A rule stored before sources existed reacts to the trusted ones (not the app). */
    static Set<EventSource> sources(String definition) {
        JsonObject rule = NativeRows.object(definition);
        return rule.containsKey("sources")
                ? set(rule.getJsonArray("sources"), EventSource::valueOf)
                : EventSource.TRUSTED;
    }

    static RuleConditions conditions(String definition) {
        JsonObject c = NativeRows.object(definition).getJsonObject("conditions");
        Map<String, String> attributes = new LinkedHashMap<>();
        c.getJsonObject("attributes").forEach((name, value) -> attributes.put(name, ((JsonString) value).getString()));
        return new RuleConditions(
                attributes,
                set(c.getJsonArray("storeIds"), Function.identity()),
                set(c.getJsonArray("channels"), Function.identity()),
                set(c.getJsonArray("categories"), Function.identity()),
                c.containsKey("minAmount")
                        ? Optional.of(c.getJsonNumber("minAmount").longValue())
                        : Optional.empty(),
                set(c.getJsonArray("consents"), ConsentPurpose::valueOf),
                set(c.getJsonArray("enrolmentChannels"), EnrolmentChannel::valueOf),
                Optional.ofNullable(c.getString("activeFrom", null)).map(Instant::parse),
                Optional.ofNullable(c.getString("activeUntil", null)).map(Instant::parse),
                c.getBoolean("oncePerCustomer", false),
                // rules stored before segments existed have no "segments"
                c.containsKey("segments") ? set(c.getJsonArray("segments"), SegmentId::parse) : Set.of());
    }

    static List<RuleAction> actions(String definition) {
        return NativeRows.object(definition).getJsonArray("actions").stream()
                .map(v -> (JsonObject) v)
                .map(RuleJson::action)
                .toList();
    }

    private static RuleAction action(JsonObject o) {
        return switch (o.getString("type")) {
            case "ISSUE_COUPON" -> new RuleAction.IssueCoupon(
                    new CouponTemplateId(UUID.fromString(o.getString("templateId"))));
            case "AWARD_POINTS" -> new RuleAction.AwardPoints(
                    Points.of(o.getJsonNumber("points").longValue()));
            case "SEND_MESSAGE" -> new RuleAction.SendMessage(
                    Optional.ofNullable(o.getString("channel", null)),
                    o.getString("template"),
                    o.getBoolean("transactional", false),
                    o.getInt("priority", 0));
            case "ADVANCE_MISSION" -> new RuleAction.AdvanceMission(
                    new MissionId(UUID.fromString(o.getString("missionId"))));
            default -> throw new IllegalStateException("unknown action " + o.getString("type"));
        };
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }

    private static <T> Set<T> set(JsonArray array, Function<String, T> parse) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .map(parse)
                .collect(Collectors.toUnmodifiableSet());
    }
}
