package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.application.shared.Actor;
import java.util.List;
import java.util.UUID;

/** Driving port: a campaign judged against its control group, and its members (admin only). */
public interface CampaignEvaluationUseCases {

    /** @return the campaign's evaluation now; {@code campaign-not-found} if there is no such campaign */
    EvaluationReport evaluate(UUID campaignId, Actor actor);

    /** @return a page of the campaign's members; {@code campaign-not-found} if there is no such campaign */
    List<MemberOutcome> members(UUID campaignId, MemberQuery query, Actor actor);
}
