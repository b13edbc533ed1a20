package dev.loyalty.adapters.web.rule;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleConditions;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /rules}, {@code PUT /rules/{id}}: a rule as the console writes it.
 *
 * @param name what the console calls it
 * @param on the event type that triggers it (CUSTOMER_ENROLLED, PURCHASE_RECORDED, NEWSLETTER_SUBSCRIBED...)
 * @param conditions what must hold besides; none when left out
 * @param actions what it does, in order
 * @param sources whose events it reacts to: APP, INTEGRATION, SERVICE (default: INTEGRATION and SERVICE; the
 *     app's events only where the rule says so)
 * @param campaignId the campaign it belongs to, if any: its firings get that campaign's holdout and count in
 *     its evaluation
 */
public record RuleRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String on,
        @Valid Conditions conditions,
        @NotEmpty @Size(max = Rule.MAX_ACTIONS) List<@NotNull @Valid Action> actions,
        @Size(max = 3) List<@NotBlank @Size(max = 16) String> sources,
        @Size(max = 64) String campaignId) {

    /**
     * @param attributes event attributes that must equal these values
     * @param storeIds the event's store must be one of these
     * @param channels STORE / ONLINE
     * @param categories a purchase must include one of these
     * @param minAmount a purchase's net must be at least this (cents)
     * @param consents consents the customer must have granted (MARKETING_SMS or marketingSms, ...)
     * @param enrolmentChannels STORE / APP / WEB
     * @param activeFrom the event must occur at or after this
     * @param activeUntil the event must occur before this
     * @param oncePerCustomer fire at most once per customer
     * @param segments ids of saved segments the customer must be in when the event is handled
     */
    public record Conditions(
            @Size(max = 20) Map<String, String> attributes,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> storeIds,
            @Size(max = 2) List<@NotBlank String> channels,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> categories,
            Long minAmount,
            @Size(max = 4) List<@NotBlank String> consents,
            @Size(max = 3) List<@NotBlank String> enrolmentChannels,
            @Size(max = 64) String activeFrom,
            @Size(max = 64) String activeUntil,
            Boolean oncePerCustomer,
            @Size(max = RuleConditions.MAX_SEGMENTS) List<@NotBlank @Size(max = 64) String> segments) {}

    /**
     * One action; the fields that matter depend on {@code type}.
     *
     * @param type ISSUE_COUPON, AWARD_POINTS, SEND_MESSAGE or ADVANCE_MISSION
     * @param templateId ISSUE_COUPON: the coupon template
     * @param points AWARD_POINTS: how many
     * @param channel SEND_MESSAGE: SMS, EMAIL, PUSH, PRINT_AT_TILL, STAFF_CALL; the preferred channel when left out
     * @param template SEND_MESSAGE: the text, with {firstName}, {couponCode}, {couponValidUntil}...
     * @param transactional SEND_MESSAGE: true when the customer asked for it (no marketing consent needed)
     * @param priority SEND_MESSAGE: 0-100, higher wins a contested marketing slot
     * @param missionId ADVANCE_MISSION: the mission
     */
    public record Action(
            @NotBlank String type,
            @Size(max = 64) String templateId,
            Long points,
            @Size(max = 16) String channel,
            @Size(max = RuleAction.MAX_TEMPLATE) String template,
            Boolean transactional,
            Integer priority,
            @Size(max = 64) String missionId) {}

    /** @return the rule this request defines (a new id, ACTIVE, version 1) */
    Rule toRule() {
        return toRule(RuleId.newId());
    }

    Rule toRule(RuleId id) {
        List<RuleAction> parsed = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            parsed.add(action(actions.get(i), "actions[" + i + "]"));
        }
        return new Rule(
                id,
                name,
                EventType.parse(on, "on"),
                parsedConditions(),
                parsed,
                RuleStatus.ACTIVE,
                1,
                sources(sources),
                campaignId == null ? Optional.empty() : Optional.of(new CampaignId(uuid(campaignId, "campaignId"))));
    }

    /** @return the sources named (APP, INTEGRATION, SERVICE), or the trusted ones when none is */
    public static Set<EventSource> sources(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EventSource.TRUSTED;
        }
        Set<EventSource> parsed = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            parsed.add(Choices.of(EventSource.class, "sources[" + i + "]", names.get(i)));
        }
        return parsed;
    }

    private RuleConditions parsedConditions() {
        if (conditions == null) {
            return RuleConditions.NONE;
        }
        Conditions c = conditions;
        return new RuleConditions(
                c.attributes() == null ? Map.of() : c.attributes(),
                set(c.storeIds()),
                set(c.channels()),
                set(c.categories()),
                Optional.ofNullable(c.minAmount()),
                c.consents() == null
                        ? Set.of()
                        : c.consents().stream().map(RuleRequest::consent).collect(Collectors.toSet()),
                c.enrolmentChannels() == null
                        ? Set.of()
                        : c.enrolmentChannels().stream()
                                .map(v -> Choices.of(EnrolmentChannel.class, "conditions.enrolmentChannels", v))
                                .collect(Collectors.toSet()),
                Optional.ofNullable(c.activeFrom()).map(t -> Times.instant("conditions.activeFrom", t)),
                Optional.ofNullable(c.activeUntil()).map(t -> Times.instant("conditions.activeUntil", t)),
                Boolean.TRUE.equals(c.oncePerCustomer()),
                c.segments() == null
                        ? Set.of()
                        : c.segments().stream()
                                .map(raw -> new SegmentId(uuid(raw, "conditions.segments")))
                                .collect(Collectors.toSet()));
    }

    private static RuleAction action(Action a, String field) {
        String type = a.type().strip().toUpperCase(Locale.ROOT);
        switch (type) {
            case "ISSUE_COUPON":
                return new RuleAction.IssueCoupon(new CouponTemplateId(uuid(a.templateId(), field + ".templateId")));
            case "AWARD_POINTS":
                if (a.points() == null || a.points() < 1 || a.points() > 1_000_000) {
                    throw new InvalidValueException(field + ".points", "points to award are between 1 and 1000000");
                }
                return new RuleAction.AwardPoints(Points.of(a.points()));
            case "SEND_MESSAGE":
                String channel =
                        a.channel() == null ? null : a.channel().strip().toUpperCase(Locale.ROOT);
                if (channel != null
                        && !Set.of("SMS", "EMAIL", "PUSH", "PRINT_AT_TILL", "STAFF_CALL")
                                .contains(channel)) {
                    throw new InvalidValueException(
                            field + ".channel",
                            "channel is SMS, EMAIL, PUSH, PRINT_AT_TILL or STAFF_CALL (or left out)");
                }
                if (a.template() == null || a.template().isBlank()) {
                    throw new InvalidValueException(field + ".template", "a message needs its template text");
                }
                return new RuleAction.SendMessage(
                        Optional.ofNullable(channel),
                        a.template(),
                        Boolean.TRUE.equals(a.transactional()),
                        a.priority() == null ? 0 : a.priority());
            case "ADVANCE_MISSION":
                return new RuleAction.AdvanceMission(new MissionId(uuid(a.missionId(), field + ".missionId")));
            default:
                throw new InvalidValueException(
                        field + ".type", "type is ISSUE_COUPON, AWARD_POINTS, SEND_MESSAGE or ADVANCE_MISSION");
        }
    }

    private static UUID uuid(String raw, String field) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be an id");
        }
    }

    private static ConsentPurpose consent(String raw) {
        String wanted = raw.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (purpose.name().replace("_", "").equals(wanted)) {
                return purpose;
            }
        }
        throw new InvalidValueException(
                "conditions.consents", "a consent is marketingEmail, marketingSms, marketingPush or profiling");
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /**
     * {@code PUT /rules/{id}/status}.
     *
     * @param status ACTIVE, PAUSED or ARCHIVED
     */
    public record StatusChange(@NotBlank @JsonbProperty("status") String status) {}
}
