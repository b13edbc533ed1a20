package dev.loyalty.application.campaign;

import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.metrics.CustomerMetrics;
import dev.loyalty.application.metrics.CustomerMetricsStore;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.campaign.MessagePlan;
import dev.loyalty.domain.campaign.Offer;
import dev.loyalty.domain.campaign.PersonalOffer;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A run's transactions: taking its lease, its preparation, one page of targets (all or nothing,
 * only while the lease is held, renewing it), its end. Per target: the control group (the
 * campaign's {@link Holdout}) is recorded HELD_OUT and gets nothing; a treatment member is recorded
 * first (the key (campaign, customer, occasion) makes a second offer impossible), then gets the
 * offer - a coupon issued in this very transaction, or points on the wallet's ledger, each spent
 * from the budget by a conditional update first (none left: OVER_BUDGET, nothing given, no message)
 * - and the message through the outbox (never a gateway), whose cause {@code
 * campaign:<campaignId>:<occasion>:<customerId>} makes a rerun queue nothing twice. When the outbox
 * finds no channel it may use, the member is SUPPRESSED with its reason.
 */
@ApplicationScoped
public class CampaignPages {

    /** How long a lease lasts without a page renewing it. */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** The wallet entry's reason for a campaign's points (the reference names the campaign). */
    static final String POINTS_REASON = "campaign";

    private final Campaigns campaigns;
    private final CampaignRuns runs;
    private final CampaignMembers members;
    private final CouponTemplates templates;
    private final Coupons coupons;
    private final PointsAwards points;
    private final MessageOutbox outbox;
    private final CustomerMetricsStore metrics;
    private final CampaignCompletion completion;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    /** For CDI's proxy only. */
    protected CampaignPages() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public CampaignPages(
            Campaigns campaigns,
            CampaignRuns runs,
            CampaignMembers members,
            CouponTemplates templates,
            Coupons coupons,
            PointsAwards points,
            MessageOutbox outbox,
            CustomerMetricsStore metrics,
            CampaignCompletion completion,
            Clock clock) {
        this.campaigns = campaigns;
        this.runs = runs;
        this.members = members;
        this.templates = templates;
        this.coupons = coupons;
        this.points = points;
        this.outbox = outbox;
        this.metrics = metrics;
        this.completion = completion;
        this.clock = clock;
    }

    @Transactional
    public Optional<CampaignRun> claim(UUID runId, String owner) {
        Instant now = now();
        Optional<CampaignRun> claimed = runs.claim(runId, owner, now, now.plus(LEASE));
        // a run taken over after a pause (launched again) is its campaign running again
        claimed.ifPresent(run -> campaigns.markRunning(run.campaign(), now));
        return claimed;
    }

    /** Freezes the targets (an audience's snapshot) and counts them. */
    @Transactional
    public CampaignRun prepare(Campaign campaign, CampaignRun run, CampaignTargets source, String owner) {
        Instant now = now();
        CampaignTargets.Prepared prepared = source.prepare(campaign, run, now);
        if (!runs.prepared(run.id(), owner, prepared, now.plus(LEASE))) {
            throw new RunLeaseLostException("run " + run.id() + ": lease lost while preparing");
        }
        return runs.byId(run.id()).orElseThrow();
    }

    @Transactional
    public Optional<Campaign> campaign(CampaignRun run) {
        return campaigns.byId(run.campaign());
    }

    /**
     * Processes one page of targets.
     *
     * @throws RunLeaseLostException when the lease went to another runner (nothing of the page commits)
     */
    @Transactional
    public void page(Campaign campaign, CampaignRun run, List<RunTarget> targets, String owner) {
        Instant at = now();
        Holdout holdout = campaign.holdout();
        long processed = 0;
        long offered = 0;
        long heldOut = 0;
        long suppressed = 0;
        long overBudget = 0;
        for (RunTarget target : targets) {
            processed++;
            boolean control = holdout.holdsOut(campaign.id(), target.customer());
            CampaignMembers.Member member = new CampaignMembers.Member(
                    campaign.id(),
                    target.customer(),
                    target.occasion(),
                    run.id(),
                    !control,
                    control ? "HELD_OUT" : "OFFERED",
                    Optional.empty(),
                    Optional.empty(),
                    at,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    target.scopeSku(),
                    target.scopeCategory());
            if (!members.record(member)) {
                continue;
            }
            if (control) {
                heldOut++;
                continue;
            }
            CampaignMembers.Member done = offer(campaign, target, member, at);
            members.complete(done);
            switch (done.outcome()) {
                case "OFFERED" -> offered++;
                case "SUPPRESSED" -> suppressed++;
                default -> overBudget++;
            }
        }
        String cursor = targets.get(targets.size() - 1).cursor();
        if (!runs.page(
                run.id(),
                owner,
                cursor,
                new CampaignRuns.PageTally(processed, offered, heldOut, suppressed, overBudget),
                now().plus(LEASE))) {
            throw new RunLeaseLostException("run " + run.id() + ": lease lost; the page rolls back");
        }
    }

    /** Ends the run; its campaign completes with it when it is over ({@link CampaignCompletion}). */
    @Transactional
    public void finish(CampaignRun run, String owner, RunStatus status, Optional<String> error) {
        Instant now = now();
        runs.finish(run.id(), owner, status, error.map(e -> e.length() > 1000 ? e.substring(0, 1000) : e), now);
        completion.completeIfOver(run.campaign(), now);
    }

    private CampaignMembers.Member offer(
            Campaign campaign, RunTarget target, CampaignMembers.Member member, Instant at) {
        Map<String, String> values = new HashMap<>();
        Optional<String> code = Optional.empty();
        long granted = 0;
        Optional<Long> value = Optional.empty();
        Optional<Long> minSpend = Optional.empty();
        Optional<String> scopeCategory = member.scopeCategory();
        Offer offer = campaign.definition().offer();
        if (offer instanceof Offer.Personal personal) {
            PersonalOffer figures = personal.figures();
            long average = 0;
            if (figures.needsAverageBasket()) {
                Optional<Long> known = metrics.metrics(target.customer())
                        .map(CustomerMetrics::averageBasket)
                        .filter(a -> a > 0);
                if (known.isEmpty()) {
                    return outcome(
                            member, "SUPPRESSED", Optional.of("no average basket"), Optional.empty(), Optional.empty());
                }
                average = known.get();
            }
            PersonalOffer.Figures computed = figures.figuresFor(average);
            if (computed.valueCents() <= 0) {
                return outcome(
                        member, "SUPPRESSED", Optional.of("offer value is zero"), Optional.empty(), Optional.empty());
            }
            if (!campaigns.spendCoupon(campaign.id(), computed.valueCents())) {
                return outcome(member, "OVER_BUDGET", Optional.empty(), Optional.empty(), Optional.empty());
            }
            value = Optional.of(computed.valueCents());
            minSpend = Optional.of(computed.minSpendCents());
            scopeCategory = figures.category().or(member::scopeCategory);
            Coupon coupon = issue(personal.template(), target, at, values);
            code = Optional.of(coupon.code().value());
            campaigns.tagCoupon(code.get(), campaign.id(), value, minSpend, figures.category());
            values.put("offerValue", money(computed.valueCents()));
            values.put("minSpend", money(computed.minSpendCents()));
        } else if (offer instanceof Offer.Coupon coupon) {
            // an amount-off coupon commits its value against maxDiscountCents (a percent-off one's is not
            // known in advance: such a campaign cannot have that limit)
            long committed = templates
                    .byId(coupon.template())
                    .map(CouponTemplate::discount)
                    .filter(Discount.AmountOff.class::isInstance)
                    .map(d -> ((Discount.AmountOff) d).amount().cents())
                    .orElse(0L);
            if (!campaigns.spendCoupon(campaign.id(), committed)) {
                return outcome(member, "OVER_BUDGET", Optional.empty(), Optional.empty(), Optional.empty());
            }
            Coupon issued = issue(coupon.template(), target, at, values);
            code = Optional.of(issued.code().value());
            campaigns.tagCoupon(code.get(), campaign.id(), Optional.empty(), Optional.empty(), Optional.empty());
        } else if (offer instanceof Offer.GrantPoints grant) {
            if (!campaigns.spendPoints(campaign.id(), grant.points().value())) {
                return outcome(member, "OVER_BUDGET", Optional.empty(), Optional.empty(), Optional.empty());
            }
            points.award(target.customer(), grant.points(), POINTS_REASON, "campaign:" + campaign.id(), at);
            granted = grant.points().value();
            values.put("points", Long.toString(granted));
        }
        Optional<String> channel = Optional.empty();
        Optional<UUID> messageId = Optional.empty();
        Optional<String> unreachable = Optional.empty();
        if (campaign.definition().message().isPresent()) {
            MessagePlan plan = campaign.definition().message().get();
            MessageOutbox.Queued queued = outbox.queueJudged(new MessageRequest(
                    target.customer(),
                    plan.channel(),
                    plan.template(),
                    values,
                    false,
                    plan.priority(),
                    "campaign:" + campaign.id() + ":" + target.occasion() + ":" + target.customer()));
            channel = queued.channel().map(Enum::name);
            messageId = queued.messageId();
            unreachable = queued.unreachable().map(r -> r.length() > 64 ? r.substring(0, 64) : r);
        }
        return new CampaignMembers.Member(
                member.campaign(),
                member.customer(),
                member.occasion(),
                member.runId(),
                true,
                unreachable.isPresent() ? "SUPPRESSED" : "OFFERED",
                unreachable,
                channel,
                member.contactedAt(),
                messageId,
                code,
                granted,
                value,
                minSpend,
                member.scopeSku(),
                scopeCategory);
    }

    private Coupon issue(CouponTemplateId templateId, RunTarget target, Instant at, Map<String, String> values) {
        CouponTemplate template = templates
                .byId(templateId)
                .orElseThrow(() -> new IllegalStateException("coupon template " + templateId + " is gone"));
        Coupon coupon = template.issue(CouponCode.generate(random), target.customer(), at);
        coupons.addAll(List.of(coupon));
        values.put("couponCode", coupon.code().value());
        values.put("couponValidUntil", coupon.validUntil().toString().substring(0, 10));
        return coupon;
    }

    private static CampaignMembers.Member outcome(
            CampaignMembers.Member member,
            String outcome,
            Optional<String> reason,
            Optional<Long> value,
            Optional<Long> minSpend) {
        return new CampaignMembers.Member(
                member.campaign(),
                member.customer(),
                member.occasion(),
                member.runId(),
                true,
                outcome,
                reason,
                Optional.empty(),
                member.contactedAt(),
                Optional.empty(),
                Optional.empty(),
                0,
                value,
                minSpend,
                member.scopeSku(),
                member.scopeCategory());
    }

    private static String money(long cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
