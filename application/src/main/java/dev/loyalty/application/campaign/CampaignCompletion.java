package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a launched campaign to COMPLETED once it is over ({@link Campaign#completedAt}): no run of it
 * in progress, and its schedule has no slot left and a run ended, or its end date passed. Asked in
 * the transaction that ends a run, and by the timer (for a run that ended with its instance, or an
 * end date that passed meanwhile); the conditional update makes two askers complete it once.
 */
@ApplicationScoped
public class CampaignCompletion {

    private static final Logger LOG = Logger.getLogger(CampaignCompletion.class.getName());

    private final Campaigns campaigns;
    private final CampaignRuns runs;

    /** For CDI's proxy only. */
    protected CampaignCompletion() {
        this(null, null);
    }

    @Inject
    public CampaignCompletion(Campaigns campaigns, CampaignRuns runs) {
        this.campaigns = campaigns;
        this.runs = runs;
    }

    /** @return whether the campaign was over and this call completed it (in the caller's transaction) */
    public boolean completeIfOver(CampaignId id, Instant now) {
        return campaigns.byId(id).map(campaign -> complete(campaign, now)).orElse(false);
    }

    /** @return how many of the campaigns that may be over were, and this call completed */
    public int completeOver(Instant now, int limit) {
        int count = 0;
        for (Campaign campaign : campaigns.mayBeOver(now, limit)) {
            if (complete(campaign, now)) {
                count++;
            }
        }
        return count;
    }

    private boolean complete(Campaign campaign, Instant now) {
        List<CampaignRun> all = runs.of(campaign.id());
        if (all.stream().anyMatch(run -> run.status() == RunStatus.RUNNING)
                || !campaign.completedAt(now, !all.isEmpty())
                || !campaigns.complete(campaign.id(), now)) {
            return false;
        }
        LOG.log(Level.INFO, "Campaign {0} completed", campaign.id());
        return true;
    }
}
