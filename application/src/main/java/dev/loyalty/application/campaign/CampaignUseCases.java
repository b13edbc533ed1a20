package dev.loyalty.application.campaign;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.CampaignTransition;
import java.util.List;
import java.util.UUID;

/** Driving port: the console's campaigns (admin only). Definitions arrive as the README's JSON. */
public interface CampaignUseCases {

    /** Saves a new draft. */
    Campaign define(String definition, Actor actor);

    /** Replaces a draft's definition. */
    Campaign change(CampaignId id, String definition, Actor actor);

    /** @return every campaign, newest first */
    List<Campaign> campaigns(Actor actor);

    Campaign campaign(CampaignId id, Actor actor);

    /**
     * What the console asks of a campaign's status: launch (DRAFT or PAUSED -> SCHEDULED), pause
     * (SCHEDULED or RUNNING -> PAUSED), cancel (anything not over -> CANCELLED).
     */
    Campaign transition(CampaignId id, CampaignTransition transition, Actor actor);

    /**
     * Starts a run of a launched campaign now (the console's "run now").
     *
     * @return the run's id
     */
    UUID startRun(CampaignId id, Actor actor);

    /** @return a run with its progress */
    CampaignRun run(CampaignId id, UUID runId, Actor actor);

    /**
     * @param limit how many, 1 to 100
     * @return the campaign's latest runs with their progress, newest first
     */
    List<CampaignRun> runs(CampaignId id, int limit, Actor actor);
}
