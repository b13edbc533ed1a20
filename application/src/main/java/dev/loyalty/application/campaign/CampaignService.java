package dev.loyalty.application.campaign;

import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.messaging.MessagingSettings;
import dev.loyalty.application.segment.Segments;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.campaign.Audience;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignDefinition;
import dev.loyalty.domain.campaign.CampaignDefinitionParser;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.CampaignInvalidException;
import dev.loyalty.domain.campaign.CampaignNotFoundException;
import dev.loyalty.domain.campaign.CampaignRunNotFoundException;
import dev.loyalty.domain.campaign.CampaignTransition;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.campaign.Offer;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The campaigns' life: drafts checked against what they name (segment, coupon template, earlier
 * campaign), launched, paused, cancelled (one {@link CampaignTransition} command); runs started now by
 * the console or at their slots by the scheduler (a slot's run is unique cluster-wide), and the runs
 * themselves started after commit on a thread of their own ({@link CampaignRunner}). A run starting
 * takes its campaign RUNNING; the campaign goes COMPLETED once it is over ({@link
 * Campaign#completedAt}).
 */
@ApplicationScoped
public class CampaignService implements CampaignUseCases {

    private static final Logger LOG = Logger.getLogger(CampaignService.class.getName());
    private static final int MAX_RUNS = 100;

    private final Campaigns campaigns;
    private final CampaignRuns runs;
    private final Segments segments;
    private final CouponTemplates templates;
    private final MessagingSettings messaging;
    private final Event<CampaignRunStarted> started;
    private final CampaignCompletion completion;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** For CDI's proxy only. */
    protected CampaignService() {
        this(null, null, null, null, null, null, null, null);
    }

    @Inject
    public CampaignService(
            Campaigns campaigns,
            CampaignRuns runs,
            Segments segments,
            CouponTemplates templates,
            MessagingSettings messaging,
            Event<CampaignRunStarted> started,
            CampaignCompletion completion,
            Clock clock) {
        this.campaigns = campaigns;
        this.runs = runs;
        this.segments = segments;
        this.templates = templates;
        this.messaging = messaging;
        this.started = started;
        this.completion = completion;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Campaign define(String definition, Actor actor) {
        actor.requireAdmin("only the console defines campaigns");
        CampaignDefinition parsed = checked(CampaignDefinitionParser.parse(definition));
        Campaign campaign = Campaign.draft(CampaignId.newId(), parsed, Holdout.newKey(random), now());
        campaigns.add(campaign);
        return campaign;
    }

    @Override
    @Transactional
    public Campaign change(CampaignId id, String definition, Actor actor) {
        actor.requireAdmin("only the console changes campaigns");
        Campaign stored = load(id);
        CampaignDefinition parsed = checked(CampaignDefinitionParser.parse(definition));
        Campaign changed = stored.change(parsed, now());
        campaigns.save(changed, stored.version());
        return changed;
    }

    @Override
    public List<Campaign> campaigns(Actor actor) {
        actor.requireAdmin("only the console reads campaigns");
        return campaigns.all();
    }

    @Override
    public Campaign campaign(CampaignId id, Actor actor) {
        actor.requireAdmin("only the console reads campaigns");
        return load(id);
    }

    @Override
    @Transactional
    public Campaign transition(CampaignId id, CampaignTransition transition, Actor actor) {
        actor.requireAdmin("only the console may " + transition.pathName() + " campaigns");
        Campaign stored = load(id);
        Instant now = now();
        Optional<Instant> firstSlot = transition == CampaignTransition.LAUNCH
                ? checked(stored.definition()).schedule().firstFrom(now, zone())
                : Optional.empty();
        Campaign changed = stored.apply(transition, firstSlot, now);
        campaigns.save(changed, stored.version());
        LOG.log(Level.INFO, "Campaign {0}: {1} -> {2}", new Object[] {id, stored.status(), changed.status()});
        return changed;
    }

    @Override
    @Transactional
    public UUID startRun(CampaignId id, Actor actor) {
        actor.requireAdmin("only the console runs campaigns");
        Campaign campaign = load(id);
        Instant now = now();
        campaign.requireRunnable(now);
        checked(campaign.definition());
        // "run now" is a run of its own: should another start in the same microsecond (on another
        // instance), this one takes the next
        for (int micros = 0; micros < 1000; micros++) {
            Optional<UUID> run = create(campaign, now.plus(micros, ChronoUnit.MICROS));
            if (run.isPresent()) {
                return run.get();
            }
        }
        throw new IllegalStateException("no free run slot near " + now);
    }

    @Override
    public CampaignRun run(CampaignId id, UUID runId, Actor actor) {
        actor.requireAdmin("only the console reads campaign runs");
        load(id);
        return runs.byId(runId)
                .filter(run -> run.campaign().equals(id))
                .orElseThrow(() -> new CampaignRunNotFoundException("the campaign has no run with this id"));
    }

    @Override
    public List<CampaignRun> runs(CampaignId id, int limit, Actor actor) {
        actor.requireAdmin("only the console reads campaign runs");
        if (limit < 1 || limit > MAX_RUNS) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_RUNS);
        }
        load(id);
        return runs.of(id).stream().limit(limit).toList();
    }

    /**
     * Starts the runs of the campaigns whose slot is due: each slot's run is created by the one
     * instance that moves the campaign's next slot on (and is unique by its slot besides).
     *
     * @return how many runs this call started
     */
    @Transactional
    public int startDue() {
        Instant now = now();
        int count = 0;
        for (Campaign campaign : campaigns.due(now, 100)) {
            Instant slot = campaign.nextRunAt().orElseThrow();
            Optional<Instant> next = campaign.definition().schedule().nextAfter(slot.isAfter(now) ? slot : now, zone());
            if (!campaigns.advance(campaign.id(), slot, next)) {
                continue;
            }
            if (!campaign.definition().activeAt(slot)) {
                LOG.log(Level.INFO, "Campaign {0}: slot {1} is outside its active dates", new Object[] {
                    campaign.id(), slot
                });
                continue;
            }
            if (create(campaign, slot).isPresent()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Completes the launched campaigns that are over (a run that ended with its instance, an end date
     * that passed meanwhile): see {@link CampaignCompletion}.
     *
     * @return how many campaigns this call completed
     */
    @Transactional
    public int completeOver() {
        return completion.completeOver(now(), 100);
    }

    private Optional<UUID> create(Campaign campaign, Instant slot) {
        CampaignRun run = new CampaignRun(
                UUID.randomUUID(),
                campaign.id(),
                slot,
                RunStatus.RUNNING,
                Optional.empty(),
                0,
                0,
                0,
                0,
                0,
                0,
                "",
                false,
                now(),
                Optional.empty(),
                Optional.empty());
        // the campaign's row first: the run's insert reads it (its foreign key) under a shared lock,
        // and two runs starting at once would each wait for the other's to take it RUNNING after that
        campaigns.markRunning(campaign.id(), run.startedAt());
        if (!runs.create(run)) {
            return Optional.empty();
        }
        LOG.log(Level.INFO, "Campaign {0}: run {1} for {2}", new Object[] {campaign.id(), run.id(), slot});
        started.fire(new CampaignRunStarted(run.id()));
        return Optional.of(run.id());
    }

    /** @return the definition, once what it names exists */
    private CampaignDefinition checked(CampaignDefinition definition) {
        if (definition.audience().orElse(null) instanceof Audience.OfSegment of
                && segments.byId(of.segment()).isEmpty()) {
            throw new CampaignInvalidException("$.audience.segmentId", "no segment has this id");
        }
        Optional<CouponTemplateId> template = definition.offer() instanceof Offer.Coupon coupon
                ? Optional.of(coupon.template())
                : definition.offer() instanceof Offer.Personal personal
                        ? Optional.of(personal.template())
                        : Optional.empty();
        if (template.isPresent() && templates.byId(template.get()).isEmpty()) {
            throw new CampaignInvalidException("$.offer.templateId", "no coupon template has this id");
        }
        if (definition.budget().maxDiscountCents().isPresent()
                && !(definition.offer() instanceof Offer.Personal)
                && !(definition.offer() instanceof Offer.Coupon coupon
                        && templates.byId(coupon.template()).orElseThrow().discount() instanceof Discount.AmountOff)) {
            throw new CampaignInvalidException(
                    "$.budget.maxDiscountCents",
                    "a discount budget needs an offer whose value is known when it is given: a personal offer or an"
                            + " amount-off coupon");
        }
        if (definition.followUp().isPresent()
                && campaigns.byId(definition.followUp().get().campaign()).isEmpty()) {
            throw new CampaignInvalidException("$.followUp.campaignId", "no campaign has this id");
        }
        return definition;
    }

    private Campaign load(CampaignId id) {
        return campaigns.byId(id).orElseThrow(() -> new CampaignNotFoundException("no campaign has this id"));
    }

    private ZoneId zone() {
        return messaging.zoneOf(Optional.empty());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
