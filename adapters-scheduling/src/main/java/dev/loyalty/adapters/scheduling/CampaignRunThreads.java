package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.campaign.CampaignRunWakeUp;
import dev.loyalty.application.campaign.CampaignRunner;
import dev.loyalty.application.campaign.CampaignService;
import dev.loyalty.application.campaign.evaluation.CampaignEvaluationService;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads campaign runs go on: a container thread per run woken after the request (or the
 * timer) that created it (an EJB asynchronous call) - and one per lane of a run in lanes, each
 * lane's runner waking the next - and a timer every 10 s that starts the runs of the slots now due
 * (one instance wins each slot), takes over runs and lanes whose lease expired (a runner that
 * crashed, an instance restarted) and completes the campaigns that are over. No transaction surrounds either: each page commits on its
 * own; the lease keeps two runners off one run.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CampaignRunThreads implements CampaignRunWakeUp {

    private static final Logger LOG = Logger.getLogger(CampaignRunThreads.class.getName());

    @Inject
    CampaignRunner runner;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignEvaluationService evaluations;

    /** How long a tick may go on settling members' outcomes (the next tick goes on). */
    static final long SETTLE_MILLIS_PER_TICK = 8_000;

    @Override
    @Asynchronous
    public void wake(UUID runId) {
        try {
            runner.run(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Campaign run " + runId + " stopped; the timer takes it over", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void startDueAndResume() {
        try {
            int started = campaigns.startDue();
            if (started > 0) {
                LOG.log(Level.INFO, "Started {0} scheduled campaign runs", started);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Starting due campaign runs failed; the next tick tries again", e);
        }
        try {
            runner.resumeAbandoned();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Taking over abandoned campaign runs failed; the next tick tries again", e);
        }
        try {
            int completed = campaigns.completeOver();
            if (completed > 0) {
                LOG.log(Level.INFO, "Completed {0} campaigns", completed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Completing campaigns that are over failed; the next tick tries again", e);
        }
        settleOutcomes();
    }

    /**
     * Writes the outcomes of members whose attribution window closed, a chunk per transaction, for
     * at most {@link #SETTLE_MILLIS_PER_TICK} (a million members take several ticks).
     */
    private void settleOutcomes() {
        long until = System.nanoTime() + SETTLE_MILLIS_PER_TICK * 1_000_000;
        long settled = 0;
        try {
            int chunk;
            do {
                chunk = evaluations.settleClosedWindows();
                settled += chunk;
            } while (chunk > 0 && System.nanoTime() < until);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Settling campaign members' outcomes failed; the next tick tries again", e);
        }
        if (settled > 0) {
            LOG.log(Level.INFO, "Settled the outcomes of {0} campaign members", settled);
        }
    }
}
