package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.campaign.CampaignNotFoundException;
import dev.loyalty.domain.campaign.evaluation.CampaignEvaluation;
import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import dev.loyalty.domain.campaign.evaluation.OfferCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluates a campaign when asked: its groups' figures from {@link CampaignOutcomes} (one read-only
 * transaction, so that both groups and the cost are read from one snapshot), judged by
 * {@link CampaignEvaluation}. Points granted are valued at {@link PointsValue}.
 */
@ApplicationScoped
public class CampaignEvaluationService implements CampaignEvaluationUseCases {

    private final CampaignOutcomes outcomes;
    private final PointsValue pointsValue;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected CampaignEvaluationService() {
        this(null, null, null);
    }

    @Inject
    public CampaignEvaluationService(CampaignOutcomes outcomes, PointsValue pointsValue, Clock clock) {
        this.outcomes = outcomes;
        this.pointsValue = pointsValue;
        this.clock = clock;
    }

    @Override
    @Transactional
    public EvaluationReport evaluate(UUID campaignId, Actor actor) {
        actor.requireAdmin("only the console evaluates campaigns");
        CampaignOutcomes.EvaluatedCampaign campaign = campaign(campaignId);
        Map<MemberGroup, GroupActivity> groups = outcomes.groups(campaign);
        GroupActivity treatment = groups.getOrDefault(MemberGroup.TREATMENT, GroupActivity.EMPTY);
        GroupActivity control = groups.getOrDefault(MemberGroup.CONTROL, GroupActivity.EMPTY);
        OfferCost cost = OfferCost.of(
                outcomes.discountsGranted(campaignId),
                Math.addExact(treatment.points(), control.points()),
                pointsValue.centsPerThousand());
        Instant now = clock.instant();
        Optional<Instant> closes =
                campaign.lastContact().map(last -> last.plus(Duration.ofDays(campaign.attributionDays())));
        return new EvaluationReport(
                campaign,
                treatment,
                control,
                CampaignEvaluation.of(treatment.figures(), control.figures(), cost),
                closes,
                closes.map(c -> !now.isBefore(c)).orElse(false),
                now);
    }

    @Override
    @Transactional
    public List<MemberOutcome> members(UUID campaignId, MemberQuery query, Actor actor) {
        actor.requireAdmin("only the console lists a campaign's members");
        return outcomes.members(campaign(campaignId), query);
    }

    /**
     * Settles the outcomes of up to {@value #SETTLE_CHUNK} members whose attribution window closed
     * more than {@link #SETTLE_GRACE} ago (one bounded transaction; the timer calls it again while
     * it returns members). Two instances settling at once write the same figures.
     *
     * @return how many members were settled
     */
    @Transactional
    public int settleClosedWindows() {
        return outcomes.settle(clock.instant().minus(SETTLE_GRACE), SETTLE_GRACE, SETTLE_CHUNK);
    }

    /** Members settled per transaction. */
    public static final int SETTLE_CHUNK = 5_000;

    /**
     * How long after a window closes - and after the member was recorded - its outcome is written: a
     * purchase imported (or reversed) this late still counts, backdated history imported after its
     * members too; one later than that no longer changes a settled member's figures.
     */
    public static final Duration SETTLE_GRACE = Duration.ofDays(1);

    private CampaignOutcomes.EvaluatedCampaign campaign(UUID campaignId) {
        return outcomes.campaign(campaignId)
                .orElseThrow(() -> new CampaignNotFoundException("no campaign has id " + campaignId));
    }
}
