package dev.loyalty.application.rule;

import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.application.activity.Reactor;
import dev.loyalty.application.campaign.CampaignContacts;
import dev.loyalty.application.campaign.Campaigns;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.mission.MissionReactor;
import dev.loyalty.application.segment.SegmentCheck;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.rule.CustomerFacts;
import dev.loyalty.domain.rule.Decision;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Every active rule on an event's type judges it (the verdict and its reasons recorded as an
 * {@link Evaluation}), and the rules that fire perform their actions: issue a coupon, award points,
 * queue a message, advance a mission. "Once per customer" is read under the wallet lock the relay
 * holds. Actions are judged one by one: one that cannot run (an expired coupon template) is
 * recorded with its reason and the others still run. A rule that belongs to a campaign applies its
 * holdout: a customer of the control group gets nothing (the verdict says so), and either way the
 * firing is recorded as a member of the campaign ({@link CampaignContacts}), so that its evaluation
 * compares the two groups as for a run.
 */
@ApplicationScoped
public class RuleReactor implements Reactor {

    /** The wallet entry's reason for a rule's points. */
    public static final String REASON = "rule";

    /** First: a rule's points and coupons come before the missions count the event. */
    static final int ORDER = 100;

    private final ActiveRules activeRules;
    private final RuleEvaluations evaluations;
    private final CouponTemplates templates;
    private final Coupons coupons;
    private final MessageOutbox outbox;
    private final PointsAwards points;
    private final MissionReactor missions;
    private final SegmentCheck segments;
    private final Campaigns campaigns;
    private final CampaignContacts contacts;
    private final RandomGenerator random = new SecureRandom();

    /** The calling thread's batch ({@link #inBatch}): its verdicts, recorded together at its end. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    /**
     * A batch being judged.
     *
     * @param verdicts the verdicts so far, recorded at the batch's end
     * @param firedBefore the once-per-customer rules on the batch's types that fired for its
     *     customers before it, read at its start
     */
    private record Batch(List<Evaluation> verdicts, Set<RuleEvaluations.Fired> firedBefore) {}

    /** For CDI's proxy only. */
    protected RuleReactor() {
        this((ActiveRules) null, null, null, null, null, null, null, null, null, null);
    }

    /** A reactor whose rules ask about no segment. */
    public RuleReactor(
            Rules rules,
            RuleEvaluations evaluations,
            CouponTemplates templates,
            Coupons coupons,
            MessageOutbox outbox,
            PointsAwards points,
            MissionReactor missions) {
        this(
                rules,
                evaluations,
                templates,
                coupons,
                outbox,
                points,
                missions,
                (customer, segment, now) -> false,
                null,
                contact -> true);
    }

    /** A reactor that reads the rules afresh on every event. */
    public RuleReactor(
            Rules rules,
            RuleEvaluations evaluations,
            CouponTemplates templates,
            Coupons coupons,
            MessageOutbox outbox,
            PointsAwards points,
            MissionReactor missions,
            SegmentCheck segments,
            Campaigns campaigns,
            CampaignContacts contacts) {
        this(
                new ActiveRules(rules, ReactionSettingsVersions.uncached()),
                evaluations,
                templates,
                coupons,
                outbox,
                points,
                missions,
                segments,
                campaigns,
                contacts);
    }

    @Inject
    public RuleReactor(
            ActiveRules activeRules,
            RuleEvaluations evaluations,
            CouponTemplates templates,
            Coupons coupons,
            MessageOutbox outbox,
            PointsAwards points,
            MissionReactor missions,
            SegmentCheck segments,
            Campaigns campaigns,
            CampaignContacts contacts) {
        this.activeRules = activeRules;
        this.evaluations = evaluations;
        this.templates = templates;
        this.coupons = coupons;
        this.outbox = outbox;
        this.points = points;
        this.missions = missions;
        this.segments = segments;
        this.campaigns = campaigns;
        this.contacts = contacts;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void react(DueActivity due, Customer customer, Instant now) {
        Activity activity = due.activity();
        List<Evaluation> verdicts = new ArrayList<>();
        for (Rule rule : activeRules.on(activity.type())) {
            boolean fired = rule.conditions().oncePerCustomer() && hasFired(rule, customer.id());
            Set<SegmentId> in = new HashSet<>();
            for (SegmentId segment : rule.conditions().segments()) {
                if (segments.isMember(customer.id(), segment, now)) {
                    in.add(segment);
                }
            }
            Decision decision = rule.judge(activity, new CustomerFacts(customer, fired, in));
            List<String> reasons = new ArrayList<>(decision.reasons());
            Evaluation.Outcome outcome = Evaluation.Outcome.SKIPPED;
            if (decision.fires()) {
                Optional<Campaign> campaign = rule.campaign().flatMap(id -> campaigns.byId(id));
                if (campaign.isPresent()
                        && campaign.get().holdout().holdsOut(campaign.get().id(), customer.id())) {
                    contacts.record(contact(rule, due, customer, campaign.get(), now, false, Performed.NOTHING));
                    reasons.add("held out: the customer is in the control group of campaign "
                            + campaign.get().id() + ", which receives nothing");
                } else {
                    Performed performed = perform(rule, due, customer, now, reasons);
                    outcome = performed.all() ? Evaluation.Outcome.FIRED : Evaluation.Outcome.PARTIAL;
                    campaign.ifPresent(c -> {
                        contacts.record(contact(rule, due, customer, c, now, true, performed));
                        performed
                                .couponCode()
                                .ifPresent(code -> campaigns.tagCoupon(
                                        code, c.id(), Optional.empty(), Optional.empty(), Optional.empty()));
                    });
                }
            }
            verdicts.add(new Evaluation(
                    rule.id(),
                    rule.version(),
                    due.rowId(),
                    activity.eventId(),
                    activity.type().value(),
                    activity.occurredAt(),
                    customer.id(),
                    now,
                    outcome,
                    reasons));
        }
        Batch current = batch.get();
        if (current != null) {
            current.verdicts().addAll(verdicts);
        } else {
            // together, after every rule judged: a rule's "once per customer" asks about earlier events only
            evaluations.recordAll(verdicts);
        }
    }

    /**
     * Reads at the batch's start which once-per-customer rules fired for its customers (one query),
     * and records the batch's verdicts in one go once all its events were judged.
     */
    @Override
    public <T> T inBatch(List<DueActivity> events, java.util.function.Supplier<T> reactions) {
        Set<RuleId> oncePerCustomer = new HashSet<>();
        Set<CustomerId> customers = new HashSet<>();
        for (DueActivity due : events) {
            customers.add(due.activity().customerId());
            for (Rule rule : activeRules.on(due.activity().type())) {
                if (rule.conditions().oncePerCustomer()) {
                    oncePerCustomer.add(rule.id());
                }
            }
        }
        Batch current = new Batch(
                new ArrayList<>(),
                oncePerCustomer.isEmpty() ? Set.of() : evaluations.firedAmong(oncePerCustomer, customers));
        batch.set(current);
        T result;
        try {
            result = reactions.get();
        } finally {
            batch.remove();
        }
        evaluations.recordAll(current.verdicts());
        return result;
    }

    /** Whether the rule fired for the customer before: read at the batch's start, or judged in it. */
    private boolean hasFired(Rule rule, CustomerId customer) {
        Batch current = batch.get();
        if (current == null) {
            return evaluations.hasFired(rule.id(), customer);
        }
        if (current.firedBefore().contains(new RuleEvaluations.Fired(rule.id(), customer))) {
            return true;
        }
        for (Evaluation e : current.verdicts()) {
            if (e.ruleId().equals(rule.id())
                    && e.customerId().equals(customer)
                    && e.outcome() != Evaluation.Outcome.SKIPPED) {
                return true;
            }
        }
        return false;
    }

    private static CampaignContacts.Contact contact(
            Rule rule,
            DueActivity due,
            Customer customer,
            Campaign campaign,
            Instant now,
            boolean treatment,
            Performed performed) {
        return new CampaignContacts.Contact(
                campaign.id(),
                customer.id(),
                "rule:" + rule.id() + ":event:" + due.rowId(),
                rule.id(),
                treatment,
                now,
                performed.couponCode(),
                performed.points(),
                performed.message().flatMap(MessageOutbox.Queued::messageId),
                performed.message().flatMap(MessageOutbox.Queued::channel).map(Enum::name),
                performed.message().flatMap(MessageOutbox.Queued::unreachable));
    }

    /**
     * What a rule's actions did.
     *
     * @param all whether every action ran
     * @param couponCode the first coupon issued
     * @param points the points awarded
     * @param message what the outbox judged of the first message queued
     */
    private record Performed(
            boolean all, Optional<String> couponCode, long points, Optional<MessageOutbox.Queued> message) {
        static final Performed NOTHING = new Performed(true, Optional.empty(), 0, Optional.empty());
    }

    /** @return what the actions did */
    private Performed perform(Rule rule, DueActivity due, Customer customer, Instant now, List<String> effects) {
        Map<String, String> values = new LinkedHashMap<>();
        if (due.activity().storeId() != null) {
            values.put("storeName", due.activity().storeId());
            values.put("storeId", due.activity().storeId());
        }
        boolean all = true;
        long awarded = 0;
        List<MessageOutbox.Queued> queued = new ArrayList<>();
        int index = 0;
        for (RuleAction action : rule.actions()) {
            index++;
            try {
                effects.add(run(action, rule, due, customer.id(), index, now, values, queued));
                if (action instanceof RuleAction.AwardPoints award) {
                    awarded += award.points().value();
                }
            } catch (DomainException refused) {
                all = false;
                effects.add("action " + index + " (" + action.type() + ") could not run: " + refused.code() + ": "
                        + refused.getMessage());
            }
        }
        return new Performed(
                all,
                Optional.ofNullable(values.get("couponCode")),
                awarded,
                queued.stream().findFirst());
    }

    private String run(
            RuleAction action,
            Rule rule,
            DueActivity due,
            CustomerId customer,
            int index,
            Instant now,
            Map<String, String> values,
            List<MessageOutbox.Queued> queued) {
        if (action instanceof RuleAction.IssueCoupon issue) {
            return issueCoupon(issue, customer, now, values);
        }
        if (action instanceof RuleAction.AwardPoints award) {
            return points.award(customer, award.points(), REASON, "rule:" + rule.id(), now);
        }
        if (action instanceof RuleAction.SendMessage send) {
            return queueMessage(send, rule, due, customer, index, values, queued);
        }
        return missions.advance(((RuleAction.AdvanceMission) action).missionId(), due, now);
    }

    private String issueCoupon(
            RuleAction.IssueCoupon issue, CustomerId customer, Instant now, Map<String, String> values) {
        Optional<CouponTemplate> template = templates.byId(issue.templateId());
        if (template.isEmpty()) {
            throw new CouponTemplateNotFoundException(issue.templateId());
        }
        Coupon coupon = template.get().issue(CouponCode.generate(random), customer, now);
        coupons.addAll(List.of(coupon));
        values.put("couponCode", coupon.code().value());
        values.put("couponValidUntil", coupon.validUntil().toString().substring(0, 10));
        return "issued coupon " + coupon.code().value() + " valid until " + coupon.validUntil();
    }

    private String queueMessage(
            RuleAction.SendMessage send,
            Rule rule,
            DueActivity due,
            CustomerId customer,
            int index,
            Map<String, String> values,
            List<MessageOutbox.Queued> queued) {
        for (String placeholder : List.of("couponCode", "couponValidUntil")) {
            if (send.template().contains("{" + placeholder + "}") && !values.containsKey(placeholder)) {
                // a message about a coupon that was not issued would only confuse the customer
                throw new MissingCouponException();
            }
        }
        Optional<Channel> channel = send.channel().map(c -> Channel.valueOf(c.toUpperCase(Locale.ROOT)));
        queued.add(outbox.queueJudged(new MessageRequest(
                customer,
                channel,
                send.template(),
                values,
                send.transactional(),
                send.priority(),
                "rule:" + rule.id() + "/event:" + due.activity().eventId() + "/action:" + index)));
        return "queued a " + (send.transactional() ? "transactional" : "marketing") + " message"
                + channel.map(c -> " by " + c).orElse(" by the preferred channel");
    }

    /** A message speaks of a coupon no earlier action of its rule issued. */
    private static final class MissingCouponException extends DomainException {

        MissingCouponException() {
            super("the message speaks of a coupon, and no coupon was issued for it");
        }

        @Override
        public String code() {
            return "message-coupon-missing";
        }
    }
}
