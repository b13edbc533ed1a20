package dev.loyalty.application.event;

import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.customer.Customers;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.mission.MissionProgress;
import dev.loyalty.application.mission.Missions;
import dev.loyalty.application.referral.ReferralProgramme;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.referral.Referrals;
import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.RuleEvaluations;
import dev.loyalty.application.rule.Rules;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.application.tier.QualifyingActivity;
import dev.loyalty.application.wallet.Wallets;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionCompleted;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.rule.CustomerFacts;
import dev.loyalty.domain.rule.Decision;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Reacts to one customer event: every active rule on its type judges it (the verdict and its
 * reasons recorded), the rules that fire perform their actions, every active mission counts it,
 * and a newcomer's first purchase completes their referral - all in one transaction with the mark
 * that the event was reacted to. So an event's reactions happen exactly once: a crash before the
 * commit leaves the event due, and nothing of its reactions kept; the commit keeps both.
 *
 * <p>The customer's wallet is locked first, which makes one customer's reactions (and purchases)
 * take turns: mission counts and "once per customer" are read under that lock. Actions are judged
 * one by one: one that cannot run (an expired coupon template) is recorded with its reason and
 * the others still run. Effects the reactions cause (a completed mission) are new events, reacted
 * to in their turn.
 */
@ApplicationScoped
public class Reactions {

    static final String RULE_REASON = "rule";
    static final String MISSION_REASON = "mission";
    static final String REFERRAL_REASON = "referral";

    private final ActivityLog activities;
    private final Customers customers;
    private final Wallets wallets;
    private final Rules rules;
    private final RuleEvaluations evaluations;
    private final Missions missions;
    private final MissionProgress progress;
    private final CouponTemplates templates;
    private final Coupons coupons;
    private final MessageOutbox outbox;
    private final Referrals referrals;
    private final ServiceEvents serviceEvents;
    private final DomainEventLog events;
    private final ProgrammeSettings programme;
    private final QualifyingActivity qualifying;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    /** For CDI's proxy only. */
    protected Reactions() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public Reactions(
            ActivityLog activities,
            Customers customers,
            Wallets wallets,
            Rules rules,
            RuleEvaluations evaluations,
            Missions missions,
            MissionProgress progress,
            CouponTemplates templates,
            Coupons coupons,
            MessageOutbox outbox,
            Referrals referrals,
            ServiceEvents serviceEvents,
            DomainEventLog events,
            ProgrammeSettings programme,
            QualifyingActivity qualifying,
            Clock clock) {
        this.activities = activities;
        this.customers = customers;
        this.wallets = wallets;
        this.rules = rules;
        this.evaluations = evaluations;
        this.missions = missions;
        this.progress = progress;
        this.templates = templates;
        this.coupons = coupons;
        this.outbox = outbox;
        this.referrals = referrals;
        this.serviceEvents = serviceEvents;
        this.events = events;
        this.programme = programme;
        this.qualifying = qualifying;
        this.clock = clock;
    }

    /**
     * Reacts to one due event, if nobody else is on it.
     *
     * @param rowId a due event
     * @return whether this call reacted to it
     */
    @Transactional
    public boolean react(long rowId) {
        Optional<DueActivity> claimed = activities.claim(rowId);
        if (claimed.isEmpty()) {
            return false;
        }
        Activity activity = claimed.get().activity();
        Instant now = clock.instant();
        CustomerId customerId = activity.customerId();
        wallets.lockedHead(customerId);
        Optional<Customer> customer = customers.byId(customerId).filter(c -> !c.isErased());
        if (customer.isPresent()) {
            judgeRules(claimed.get(), customer.get(), now);
            countMissions(claimed.get(), now);
            if (EventType.PURCHASE_RECORDED.equals(activity.type())) {
                completeReferral(activity, now);
            }
        }
        activities.reacted(rowId);
        return true;
    }

    /**
     * Records a failed attempt: tried again later, at growing intervals, and parked for an
     * administrator after {@link #MAX_ATTEMPTS}.
     */
    @Transactional
    public void failed(long rowId, String error) {
        activities.claim(rowId).ifPresent(due -> {
            int attempts = due.attempts() + 1;
            Optional<Instant> retryAt = attempts >= MAX_ATTEMPTS
                    ? Optional.empty()
                    : Optional.of(clock.instant().plus(backoff(attempts)));
            activities.failed(rowId, retryAt, error == null ? "failed" : error);
        });
    }

    /** How many attempts before an event is parked. */
    public static final int MAX_ATTEMPTS = 8;

    /** @return the wait after the given number of failed attempts: 5 s, 20 s, 80 s, ... at most 1 h */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(2 * (attempts - 1), 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    private void judgeRules(DueActivity due, Customer customer, Instant now) {
        Activity activity = due.activity();
        for (Rule rule : rules.activeOn(activity.type())) {
            boolean fired = rule.conditions().oncePerCustomer() && evaluations.hasFired(rule.id(), customer.id());
            Decision decision = rule.judge(activity, new CustomerFacts(customer, fired));
            List<String> reasons = new ArrayList<>(decision.reasons());
            Evaluation.Outcome outcome = Evaluation.Outcome.SKIPPED;
            if (decision.fires()) {
                outcome = perform(rule, due, customer, now, reasons)
                        ? Evaluation.Outcome.FIRED
                        : Evaluation.Outcome.PARTIAL;
            }
            evaluations.record(new Evaluation(
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
    }

    /** @return whether every action ran */
    private boolean perform(Rule rule, DueActivity due, Customer customer, Instant now, List<String> effects) {
        Map<String, String> values = new LinkedHashMap<>();
        if (due.activity().storeId() != null) {
            values.put("storeName", due.activity().storeId());
            values.put("storeId", due.activity().storeId());
        }
        boolean all = true;
        int index = 0;
        for (RuleAction action : rule.actions()) {
            index++;
            try {
                effects.add(run(action, rule, due, customer.id(), index, now, values));
            } catch (DomainException refused) {
                all = false;
                effects.add("action " + index + " (" + action.type() + ") could not run: " + refused.code() + ": "
                        + refused.getMessage());
            }
        }
        return all;
    }

    private String run(
            RuleAction action,
            Rule rule,
            DueActivity due,
            CustomerId customer,
            int index,
            Instant now,
            Map<String, String> values) {
        if (action instanceof RuleAction.IssueCoupon issue) {
            return issueCoupon(issue, customer, now, values);
        }
        if (action instanceof RuleAction.AwardPoints award) {
            return earn(customer, award.points(), RULE_REASON, "rule:" + rule.id(), now);
        }
        if (action instanceof RuleAction.SendMessage send) {
            return queueMessage(send, rule, due, customer, index, values);
        }
        return advanceMission(((RuleAction.AdvanceMission) action).missionId(), due, now);
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
            Map<String, String> values) {
        for (String placeholder : List.of("couponCode", "couponValidUntil")) {
            if (send.template().contains("{" + placeholder + "}") && !values.containsKey(placeholder)) {
                // a message about a coupon that was not issued would only confuse the customer
                throw new MissingCouponException();
            }
        }
        Optional<Channel> channel = send.channel().map(c -> Channel.valueOf(c.toUpperCase(Locale.ROOT)));
        outbox.queue(new MessageRequest(
                customer,
                channel,
                send.template(),
                values,
                send.transactional(),
                send.priority(),
                "rule:" + rule.id() + "/event:" + due.activity().eventId() + "/action:" + index));
        return "queued a " + (send.transactional() ? "transactional" : "marketing") + " message"
                + channel.map(c -> " by " + c).orElse(" by the preferred channel");
    }

    private String earn(CustomerId customer, Points points, String reason, String reference, Instant now) {
        WalletHead head = wallets.lockedHead(customer);
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        head.earn(points, reason, reference, now, expiresAt).forEach(events::append);
        wallets.save(head);
        return "awarded " + points.value() + " points";
    }

    private void countMissions(DueActivity due, Instant now) {
        for (Mission mission : missions.active()) {
            long amount = mission.goal().contribution(due.activity());
            if (amount > 0) {
                step(mission, due, amount, now);
            }
        }
    }

    private String advanceMission(MissionId missionId, DueActivity due, Instant now) {
        Optional<Mission> mission = missions.byId(missionId);
        if (mission.isEmpty()) {
            throw new MissionNotFoundException("the mission " + missionId + " no longer exists");
        }
        return step(mission.get(), due, 1, now);
    }

    /** Counts one step, and completes the mission when the window's steps reach the target. */
    private String step(Mission mission, DueActivity due, long amount, Instant now) {
        Activity activity = due.activity();
        CustomerId customer = activity.customerId();
        if (!mission.countsAt(activity.occurredAt())) {
            return "mission " + mission.id() + " does not count events of " + activity.occurredAt();
        }
        int completions = progress.completions(mission.id(), customer);
        if (!mission.open(completions)) {
            return "mission " + mission.id() + " is already completed";
        }
        if (!progress.addStep(mission.id(), customer, completions, due.rowId(), amount, activity.occurredAt())) {
            return "mission " + mission.id() + " already counted this event";
        }
        long done = progress.progress(
                mission.id(), customer, completions, mission.windowStart(activity.occurredAt()), activity.occurredAt());
        if (done < mission.goal().target()) {
            return "mission " + mission.id() + " advanced to " + done + " of "
                    + mission.goal().target();
        }
        progress.complete(mission.id(), customer, completions, mission.rewardPoints(), now);
        earn(customer, mission.rewardPoints(), MISSION_REASON, mission.reference(), now);
        // a mission's points are earned points: they qualify for a tier on POINTS_EARNED (the next
        // purchase or the daily review moves the tier)
        qualifying.add(
                customer,
                QualifyingWindow.monthOf(now),
                0,
                mission.rewardPoints().value());
        MissionCompleted completed =
                new MissionCompleted(mission.id(), customer, completions + 1, mission.rewardPoints(), now);
        events.append(completed);
        serviceEvents.record(
                "mission-completed:" + mission.id() + ":" + customer + ":" + (completions + 1),
                EventType.MISSION_COMPLETED,
                customer,
                activity.storeId(),
                now,
                now,
                Map.of(
                        "missionId", mission.id().toString(),
                        "missionName", mission.name(),
                        "completion", (long) completions + 1,
                        "points", mission.rewardPoints().value()));
        return "mission " + mission.id() + " completed (" + (completions + 1) + "), "
                + mission.rewardPoints().value() + " points";
    }

    private void completeReferral(Activity purchase, Instant now) {
        Optional<Referrals.PendingReferral> pending = referrals.pendingFor(purchase.customerId());
        if (pending.isEmpty()) {
            return;
        }
        ReferralProgramme terms = referrals.programme();
        Referrals.PendingReferral referral = pending.get();
        if (purchase.number(Activity.NET).orElse(0L) < terms.minPurchase()) {
            return; // a later purchase may still qualify
        }
        if (referrals.completedSince(referral.referrer(), now.minus(ReferralService.CAP_WINDOW))
                >= terms.monthlyCap()) {
            referrals.reject(
                    referral.id(),
                    "the referrer reached the cap of " + terms.monthlyCap() + " rewarded referrals in 30 days");
            return;
        }
        referrals.complete(referral.id(), now);
        String reference = "referral:" + referral.referred();
        if (terms.referredPoints() > 0) {
            earn(referral.referred(), Points.of(terms.referredPoints()), REFERRAL_REASON, reference, now);
        }
        if (terms.referrerPoints() > 0) {
            earn(referral.referrer(), Points.of(terms.referrerPoints()), REFERRAL_REASON, reference, now);
        }
        for (var side :
                List.of(Map.entry(referral.referred(), "REFERRED"), Map.entry(referral.referrer(), "REFERRER"))) {
            serviceEvents.record(
                    "referral-completed:" + referral.referred() + ":" + side.getValue(),
                    EventType.REFERRAL_COMPLETED,
                    side.getKey(),
                    purchase.storeId(),
                    now,
                    now,
                    Map.of(
                            "role", side.getValue(),
                            "referredCustomerId", referral.referred().toString(),
                            "referrerCustomerId", referral.referrer().toString(),
                            "points",
                                    side.getValue().equals("REFERRED")
                                            ? terms.referredPoints()
                                            : terms.referrerPoints()));
        }
    }

    /** A rule asks for a message, and no messaging is deployed. */
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
