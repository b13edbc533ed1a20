package dev.loyalty.application.campaign;

import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A run's transactions: taking its lease, its preparation, one page of targets (all or nothing,
 * only while the lease is held, renewing it), its end. Per target: the control group (the
 * campaign's {@link Holdout}) is recorded HELD_OUT and gets nothing; a treatment member gets the
 * offer - a coupon issued in this very transaction, or points on the wallet's ledger, spent from
 * the budget first (the page's grants in one locked read and one update; none left: OVER_BUDGET,
 * nothing given, no message) - and the message through the outbox (never a gateway); then the
 * page's members are recorded in one INSERT, whose key (campaign, customer, occasion) makes a
 * second offer impossible: a member recorded meanwhile rolls the whole page back. The message's
 * cause {@code
 * campaign:<campaignId>:<occasion>:<customerId>} makes a rerun queue nothing twice. When the outbox
 * finds no channel it may use, the member is SUPPRESSED with its reason.
 */
@ApplicationScoped
public class CampaignPages {

    /** How long a lease lasts without a page renewing it. */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** How long a lease lasts while the run is prepared (its audience frozen: one long statement). */
    public static final Duration PREPARE_LEASE = Duration.ofMinutes(15);

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
    private final CampaignChunks chunks;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    /** For CDI's proxy only. */
    protected CampaignPages() {
        this(null, null, null, null, null, null, null, null, null, null, null);
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
            CampaignChunks chunks,
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
        this.chunks = chunks;
        this.clock = clock;
    }

    @Transactional
    public Optional<CampaignRun> claim(UUID runId, String owner) {
        Instant now = now();
        Optional<CampaignRun> claimed = runs.claim(runId, owner, now, now.plus(LEASE));
        // freezing a million customers' audience is one statement that may outlast a page's lease on a
        // busy machine: taken over meanwhile, it would start again and again; a run not prepared yet is
        // held for PREPARE_LEASE (a runner that dies while preparing is taken over after that)
        claimed.filter(run -> !run.prepared()).ifPresent(run -> runs.extend(run.id(), owner, now.plus(PREPARE_LEASE)));
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
        // a set-based run goes in lanes over disjoint ranges of its customers (equal shares of its
        // audience), each chunked on its own
        if (setBased(campaign) && chunks.lanes() > 1 && prepared.snapshot().isPresent()) {
            runs.createLanes(
                    run.id(),
                    RunLanes.between(chunks.boundaries(prepared.snapshot().get(), prepared.total(), chunks.lanes())));
        }
        return runs.byId(run.id()).orElseThrow();
    }

    /** @return the run's lanes, in order (empty: the run goes by its own cursor) */
    @Transactional
    public List<CampaignRunLane> lanes(UUID runId) {
        return runs.lanes(runId);
    }

    @Transactional
    public Optional<CampaignRun> run(UUID runId) {
        return runs.byId(runId);
    }

    /**
     * Takes a lane's lease (free, or expired: its runner stopped), as {@link #claim} takes a run's.
     *
     * @return the lane, when taken
     */
    @Transactional
    public Optional<CampaignRunLane> claimLane(CampaignRun run, int lane, String owner) {
        Instant now = now();
        Optional<CampaignRunLane> claimed = runs.claimLane(run.id(), lane, owner, now, now.plus(LEASE));
        claimed.ifPresent(taken -> campaigns.markRunning(run.campaign(), now));
        return claimed;
    }

    /**
     * Ends a lane whose last chunk was done; the last lane of the run completes it, and its campaign
     * with it when it is over ({@link CampaignCompletion}).
     *
     * @throws RunLeaseLostException when the lane's lease went to another runner
     */
    @Transactional
    public void finishLane(CampaignRun run, CampaignRunLane lane, String owner) {
        Instant now = now();
        CampaignRuns.LaneEnd end = runs.finishLane(run.id(), lane.lane(), owner, now);
        if (end == CampaignRuns.LaneEnd.LOST) {
            throw new RunLeaseLostException("run " + run.id() + " lane " + lane.lane() + ": lease lost at its end");
        }
        if (end == CampaignRuns.LaneEnd.COMPLETED) {
            completion.completeIfOver(run.campaign(), now);
        }
    }

    /** Ends a run in lanes as FAILED whoever holds its lanes; its other lanes stop at their next chunk. */
    @Transactional
    public void fail(CampaignRun run, String error) {
        Instant now = now();
        runs.fail(run.id(), error.length() > 1000 ? error.substring(0, 1000) : error, now);
        completion.completeIfOver(run.campaign(), now);
    }

    @Transactional
    public Optional<Campaign> campaign(CampaignRun run) {
        return campaigns.byId(run.campaign());
    }

    /**
     * Processes one page of targets, set-based: the page's members already recorded are read at
     * once and skipped; the budget is spent for the whole page by one locked read and one
     * conditional update; coupons are issued, tagged and points credited in a few statements;
     * messages are queued through the outbox; and then every member is recorded with what it got
     * in one INSERT. A member recorded meanwhile (a rerun, another instance) fails that INSERT and so
     * the whole page, coupons, points and messages included: its retry skips it.
     *
     * @throws RunLeaseLostException when the lease went to another runner (nothing of the page commits)
     */
    @Transactional
    public void page(Campaign campaign, CampaignRun run, List<RunTarget> targets, String owner) {
        Instant at = now();
        Holdout holdout = campaign.holdout();
        java.util.Set<String> recorded = members.recorded(
                campaign.id(), targets.stream().map(RunTarget::customer).toList());
        Map<String, RunTarget> fresh = new java.util.LinkedHashMap<>();
        for (RunTarget target : targets) {
            String key = target.customer() + " " + target.occasion();
            if (!recorded.contains(key)) {
                fresh.putIfAbsent(key, target);
            }
        }
        List<CampaignMembers.Member> done = new ArrayList<>(fresh.size());
        List<Treated> treated = new ArrayList<>();
        for (RunTarget target : fresh.values()) {
            if (holdout.holdsOut(campaign.id(), target.customer())) {
                done.add(CampaignMembers.Member.heldOut(
                        campaign.id(),
                        target.customer(),
                        target.occasion(),
                        run.id(),
                        at,
                        target.scopeSku(),
                        target.scopeCategory()));
            } else {
                treated.add(new Treated(target));
            }
        }
        offer(campaign, treated, at, new Spending(campaign, false));
        message(campaign, treated);
        long offered = 0;
        long suppressed = 0;
        long overBudget = 0;
        for (Treated member : treated) {
            switch (member.outcome) {
                case "OFFERED" -> offered++;
                case "SUPPRESSED" -> suppressed++;
                default -> overBudget++;
            }
            done.add(member.member(campaign, run, at));
        }
        members.recordAll(done);
        String cursor = targets.get(targets.size() - 1).cursor();
        if (!runs.page(
                run.id(),
                owner,
                cursor,
                new CampaignRuns.PageTally(
                        targets.size(), offered, done.size() - treated.size(), suppressed, overBudget),
                now().plus(LEASE))) {
            throw new RunLeaseLostException("run " + run.id() + ": lease lost; the page rolls back");
        }
    }

    /**
     * Whether the campaign's runs go set-based, a chunk of {@link CampaignChunks#size} targets per
     * transaction ({@link CampaignChunks}): a run over a frozen audience (CALENDAR, PERSONAL_OFFER).
     * Its targets and their holdout are read by one statement per chunk; what needs judging per
     * member in Java - a points or coupon budget, a coupon's code, a personal offer's figures, the
     * message's consent and channel - is judged over the chunk's treatment exactly as {@link #page}
     * judges it, then every member is recorded once in multi-row statements and a points offer
     * credited by a few statements. The other types' targets (replenishment cycles,
     * follow-ups) go a page at a time through {@link #page}.
     */
    public static boolean setBased(Campaign campaign) {
        return (campaign.definition().type() == dev.loyalty.domain.campaign.CampaignType.CALENDAR
                        || campaign.definition().type() == dev.loyalty.domain.campaign.CampaignType.PERSONAL_OFFER)
                && campaign.definition().audience().isPresent();
    }

    /** Targets per set-based chunk (one transaction) unless the deployment sets another size. */
    public static final int CHUNK = 5_000;

    /**
     * Does the next chunk of a set-based run ({@link #setBased}) and moves its cursor, only while
     * the lease is held (renewing it): the chunk's targets read once, the holdout judged in SQL;
     * over the treatment, the offer (a points or coupon budget spent under the campaign's lock, the
     * coupons issued in this transaction, a personal offer's figures) and the messages through the
     * outbox, judged as a page judges them; then every member recorded once, with what it got (a
     * member recorded meanwhile fails the chunk), and a points offer credited set-based over the
     * treatment members so recorded.
     *
     * @return the cursor after the chunk; empty when no target was left
     * @throws RunLeaseLostException when the lease went to another runner (nothing of the chunk commits)
     */
    @Transactional
    public Optional<String> chunk(Campaign campaign, CampaignRun run, String after, String owner) {
        return chunk(campaign, run, Optional.empty(), after, owner);
    }

    /**
     * As {@link #chunk(Campaign, CampaignRun, String, String)}, for a lane of the run when given: the
     * chunk's targets are the lane's (up to its high), its cursor is the lane's and the lease the
     * lane's, the tally the run's. A campaign without a limit on what the chunk gives does not lock
     * its row for the chunk: the counters are added by one short increment at its end, so that lanes
     * do not wait on each other; one with a limit spends it under the campaign's lock as a page does
     * (never one past it, however many lanes and instances).
     *
     * @return the cursor after the chunk; empty when no target was left (in the lane)
     * @throws RunLeaseLostException when the lease went to another runner, or the run ended
     */
    @Transactional
    public Optional<String> chunk(
            Campaign campaign, CampaignRun run, Optional<CampaignRunLane> lane, String after, String owner) {
        // the chunk finds its own members again by this instant: as the database keeps it
        Instant at = now().truncatedTo(ChronoUnit.MICROS);
        Offer offer = campaign.definition().offer();
        Optional<dev.loyalty.domain.shared.Points> each =
                offer instanceof Offer.GrantPoints grant ? Optional.of(grant.points()) : Optional.empty();
        CampaignChunks.Work work = new CampaignChunks.Work(
                campaign.id(),
                campaign.holdout(),
                run.id(),
                run.snapshot().orElseThrow(),
                after,
                lane.flatMap(CampaignRunLane::high),
                chunks.size(),
                at,
                each,
                points.expiresAt(at),
                POINTS_REASON,
                "campaign:" + campaign.id());
        List<CampaignChunks.Target> targets = chunks.targets(work);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        String cursor = targets.get(targets.size() - 1).customer().toString();
        String occasion = run.id().toString();
        // in customer order, control and treatment together: the members' key is written in its order
        Object[] inOrder = new Object[targets.size()];
        List<Treated> treated = new ArrayList<>();
        long heldOut = 0;
        for (int i = 0; i < targets.size(); i++) {
            CampaignChunks.Target target = targets.get(i);
            if (target.recorded()) {
                continue;
            }
            if (target.heldOut()) {
                heldOut++;
                inOrder[i] = CampaignMembers.Member.heldOut(
                        campaign.id(), target.customer(), occasion, run.id(), at, Optional.empty(), Optional.empty());
            } else {
                Treated member = new Treated(new RunTarget(
                        target.customer(),
                        occasion,
                        Optional.empty(),
                        Optional.empty(),
                        target.customer().toString()));
                inOrder[i] = member;
                treated.add(member);
            }
        }
        long granted = 0;
        Spending spending = new Spending(campaign, true);
        if (each.isPresent()) {
            // the budget for the whole chunk under the campaign's lock, in customer order (as a page);
            // the points themselves are credited below, set-based, once the members are recorded
            List<Boolean> grants = spending.points(
                    treated.stream().map(m -> each.get().value()).toList());
            for (Treated member : grantedOnly(treated, grants)) {
                member.points = each.get().value();
                member.values.put("points", Long.toString(member.points));
                granted++;
            }
        } else {
            offer(campaign, treated, at, spending);
        }
        message(campaign, treated);
        List<CampaignMembers.Member> done = new ArrayList<>(targets.size());
        for (Object member : inOrder) {
            if (member instanceof Treated t) {
                done.add(t.member(campaign, run, at));
            } else if (member != null) {
                done.add((CampaignMembers.Member) member);
            }
        }
        members.recordAll(done);
        chunks.credit(work, cursor, granted);
        long offered = treated.stream().filter(m -> m.outcome.equals("OFFERED")).count();
        long suppressed =
                treated.stream().filter(m -> m.outcome.equals("SUPPRESSED")).count();
        CampaignRuns.PageTally tally = new CampaignRuns.PageTally(
                targets.size(), offered, heldOut, suppressed, treated.size() - offered - suppressed);
        // the short writes last, each row locked until the commit just after: the run's tally (and what
        // was spent without a limit), then the lane (the order finishLane locks the run and its lanes in)
        spending.add(run);
        boolean held = lane.isPresent()
                ? runs.lanePage(run.id(), lane.get().lane(), owner, cursor, tally, now().plus(LEASE))
                : runs.page(run.id(), owner, cursor, tally, now().plus(LEASE));
        if (!held) {
            throw new RunLeaseLostException("run " + run.id() + ": lease lost; the chunk rolls back");
        }
        return Optional.of(cursor);
    }

    /** Ends the run; its campaign completes with it when it is over ({@link CampaignCompletion}). */
    @Transactional
    public void finish(CampaignRun run, String owner, RunStatus status, Optional<String> error) {
        Instant now = now();
        runs.finish(run.id(), owner, status, error.map(e -> e.length() > 1000 ? e.substring(0, 1000) : e), now);
        completion.completeIfOver(run.campaign(), now);
    }

    /**
     * The page's treatment members get the offer: a personal offer's figures judged per member,
     * then the budget spent for all at once (in the page's order: one past a limit is OVER_BUDGET),
     * then the coupons issued together and tagged by their figures, or the points credited together.
     */
    private void offer(Campaign campaign, List<Treated> treated, Instant at, Spending spending) {
        Offer offer = campaign.definition().offer();
        if (offer instanceof Offer.Personal personal) {
            PersonalOffer figures = personal.figures();
            List<Treated> judged = new ArrayList<>();
            // the members' average baskets read together, not one read a member
            Map<dev.loyalty.domain.customer.CustomerId, Long> averages = figures.needsAverageBasket()
                    ? metrics.averageBaskets(
                            treated.stream().map(m -> m.target.customer()).toList())
                    : Map.of();
            for (Treated member : treated) {
                long average = 0;
                if (figures.needsAverageBasket()) {
                    Optional<Long> known = Optional.ofNullable(averages.get(member.target.customer()))
                            .filter(a -> a > 0);
                    if (known.isEmpty()) {
                        member.suppress("no average basket");
                        continue;
                    }
                    average = known.get();
                }
                PersonalOffer.Figures computed = figures.figuresFor(average);
                member.value = Optional.of(computed.valueCents());
                member.minSpend = Optional.of(computed.minSpendCents());
                if (computed.valueCents() <= 0) {
                    member.suppress("offer value is zero");
                    member.value = Optional.empty();
                    member.minSpend = Optional.empty();
                    continue;
                }
                judged.add(member);
            }
            List<Boolean> granted = spending.coupons(
                    judged.stream().map(m -> m.value.orElseThrow()).toList());
            List<Treated> issued = grantedOnly(judged, granted);
            for (Treated member : issued) {
                member.scopeCategory = figures.category().or(member.target::scopeCategory);
                member.values.put("offerValue", money(member.value.orElseThrow()));
                member.values.put("minSpend", money(member.minSpend.orElseThrow()));
            }
            // each coupon written with its own figures and the campaign's id: no second statement tags them
            issue(
                    personal.template(),
                    issued,
                    at,
                    member -> new Coupons.CampaignMark(
                            campaign.id().toString(), member.value, member.minSpend, figures.category()));
        } else if (offer instanceof Offer.Coupon coupon) {
            // an amount-off coupon commits its value against maxDiscountCents (a percent-off one's is not
            // known in advance: such a campaign cannot have that limit)
            long committed = templates
                    .byId(coupon.template())
                    .map(CouponTemplate::discount)
                    .filter(Discount.AmountOff.class::isInstance)
                    .map(d -> ((Discount.AmountOff) d).amount().cents())
                    .orElse(0L);
            List<Boolean> granted =
                    spending.coupons(treated.stream().map(m -> committed).toList());
            List<Treated> issued = grantedOnly(treated, granted);
            Coupons.CampaignMark mark = new Coupons.CampaignMark(
                    campaign.id().toString(), Optional.empty(), Optional.empty(), Optional.empty());
            issue(coupon.template(), issued, at, member -> mark);
        } else if (offer instanceof Offer.GrantPoints grant) {
            List<Boolean> granted = spending.points(
                    treated.stream().map(m -> grant.points().value()).toList());
            List<Treated> credited = grantedOnly(treated, granted);
            points.awardAll(
                    credited.stream().map(m -> m.target.customer()).toList(),
                    grant.points(),
                    POINTS_REASON,
                    "campaign:" + campaign.id(),
                    at);
            for (Treated member : credited) {
                member.points = grant.points().value();
                member.values.put("points", Long.toString(member.points));
            }
        }
    }

    /**
     * What a page or chunk spends of its campaign's budget: under the campaign's lock when a limit
     * applies (or always, for a page); for a chunk of a campaign without that limit, granted at once
     * and added by one short increment at the chunk's end ({@link #add}).
     */
    private final class Spending {
        private final Campaign campaign;
        private final boolean deferUnlimited;
        private long coupons;
        private long discount;
        private long points;

        Spending(Campaign campaign, boolean deferUnlimited) {
            this.campaign = campaign;
            this.deferUnlimited = deferUnlimited;
        }

        List<Boolean> coupons(List<Long> discountCents) {
            var budget = campaign.definition().budget();
            if (!deferUnlimited
                    || budget.maxCoupons().isPresent()
                    || budget.maxDiscountCents().isPresent()) {
                return campaigns.spendCoupons(campaign.id(), discountCents);
            }
            coupons += discountCents.size();
            discount += discountCents.stream().mapToLong(Long::longValue).sum();
            return java.util.Collections.nCopies(discountCents.size(), true);
        }

        List<Boolean> points(List<Long> each) {
            if (!deferUnlimited || campaign.definition().budget().maxPoints().isPresent()) {
                return campaigns.spendPointsEach(campaign.id(), each);
            }
            points += each.stream().mapToLong(Long::longValue).sum();
            return java.util.Collections.nCopies(each.size(), true);
        }

        /**
         * Adds what was granted without a limit to the run, which adds it to the campaign's counters
         * as it ends: not to the campaign's row, which every lane's member rows share-lock (their
         * foreign key), so that two lanes raising it would deadlock (a budget cannot change once the
         * campaign is launched).
         */
        void add(CampaignRun run) {
            if (coupons > 0 || discount > 0 || points > 0) {
                runs.spentUnlimited(run.id(), coupons, discount, points);
            }
        }
    }

    /** The members granted; the others are OVER_BUDGET (nothing given, no message). */
    private static List<Treated> grantedOnly(List<Treated> members, List<Boolean> granted) {
        List<Treated> kept = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (granted.get(i)) {
                kept.add(members.get(i));
            } else {
                members.get(i).overBudget();
            }
        }
        return kept;
    }

    /**
     * The message of each member offered, through the outbox (never a gateway), its cause the
     * member's key: the page's messages queued together, in this transaction.
     */
    private void message(Campaign campaign, List<Treated> treated) {
        if (campaign.definition().message().isEmpty()) {
            return;
        }
        MessagePlan plan = campaign.definition().message().get();
        List<Treated> offered = treated.stream()
                .filter(member -> member.outcome.equals("OFFERED"))
                .toList();
        List<MessageRequest> requests = offered.stream()
                .map(member -> new MessageRequest(
                        member.target.customer(),
                        plan.channel(),
                        plan.template(),
                        member.values,
                        false,
                        plan.priority(),
                        "campaign:" + campaign.id() + ":" + member.target.occasion() + ":" + member.target.customer()))
                .toList();
        // a chunk's treatment queued a page at a time: the outbox's reads bind one value per customer
        List<MessageOutbox.Queued> judged = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += CampaignRunner.PAGE) {
            judged.addAll(outbox.queueAllJudged(
                    requests.subList(from, Math.min(requests.size(), from + CampaignRunner.PAGE))));
        }
        for (int i = 0; i < offered.size(); i++) {
            Treated member = offered.get(i);
            MessageOutbox.Queued queued = judged.get(i);
            member.channel = queued.channel().map(Enum::name);
            member.messageId = queued.messageId();
            Optional<String> unreachable = queued.unreachable().map(r -> r.length() > 64 ? r.substring(0, 64) : r);
            if (unreachable.isPresent()) {
                member.outcome = "SUPPRESSED";
                member.reason = unreachable;
            }
        }
    }

    /** Issues one coupon of the template to each member, all in one go, each stored with its campaign's mark. */
    private void issue(
            CouponTemplateId templateId,
            List<Treated> members,
            Instant at,
            java.util.function.Function<Treated, Coupons.CampaignMark> markOf) {
        if (members.isEmpty()) {
            return;
        }
        CouponTemplate template = templates
                .byId(templateId)
                .orElseThrow(() -> new IllegalStateException("coupon template " + templateId + " is gone"));
        List<Coupon> issued = new ArrayList<>(members.size());
        List<Coupons.CampaignMark> marks = new ArrayList<>(members.size());
        for (Treated member : members) {
            marks.add(markOf.apply(member));
            Coupon coupon = template.issue(CouponCode.generate(random), member.target.customer(), at);
            issued.add(coupon);
            member.code = Optional.of(coupon.code().value());
            member.values.put("couponCode", coupon.code().value());
            member.values.put("couponValidUntil", coupon.validUntil().toString().substring(0, 10));
        }
        coupons.addAllMarked(issued, marks);
    }

    /** A treatment member of the page while it is processed. */
    private static final class Treated {
        final RunTarget target;
        final Map<String, String> values = new HashMap<>();
        String outcome = "OFFERED";
        Optional<String> reason = Optional.empty();
        Optional<String> channel = Optional.empty();
        Optional<UUID> messageId = Optional.empty();
        Optional<String> code = Optional.empty();
        long points;
        Optional<Long> value = Optional.empty();
        Optional<Long> minSpend = Optional.empty();
        Optional<String> scopeCategory;

        Treated(RunTarget target) {
            this.target = target;
            this.scopeCategory = target.scopeCategory();
        }

        void suppress(String why) {
            outcome = "SUPPRESSED";
            reason = Optional.of(why);
        }

        /** Past a budget: nothing given, no message. */
        void overBudget() {
            outcome = "OVER_BUDGET";
            value = Optional.empty();
            minSpend = Optional.empty();
        }

        CampaignMembers.Member member(Campaign campaign, CampaignRun run, Instant at) {
            return new CampaignMembers.Member(
                    campaign.id(),
                    target.customer(),
                    target.occasion(),
                    run.id(),
                    true,
                    outcome,
                    reason,
                    channel,
                    at,
                    messageId,
                    code,
                    points,
                    value,
                    minSpend,
                    target.scopeSku(),
                    scopeCategory);
        }
    }

    private static String money(long cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
