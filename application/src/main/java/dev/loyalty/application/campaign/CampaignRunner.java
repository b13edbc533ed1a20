package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a campaign run to its end, page by page, each page committed on its own with the cursor
 * after it while holding the run's lease (renewed by every page). A runner that stops - a crash, a
 * restart, a lost lease - loses at most the page in flight; whoever takes the expired lease over
 * goes on from the last committed cursor, and a member recorded before is never offered again. A
 * paused or cancelled campaign stops its run at the next page (a paused one goes on once launched
 * again; a cancelled one's run fails).
 */
@ApplicationScoped
public class CampaignRunner {

    /** Targets per page (one transaction). */
    public static final int PAGE = 500;

    /**
     * Targets read from the source at once, then done a page at a time: a source's query that
     * scans the day's ranges again for each read (replenishment) runs a tenth as often.
     */
    public static final int FETCH = 10 * PAGE;

    static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(CampaignRunner.class.getName());

    private final CampaignPages pages;
    private final CampaignRuns runs;
    private final List<CampaignTargets> sources;
    private final CampaignRunWakeUp wakeUp;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected CampaignRunner() {
        this.pages = null;
        this.runs = null;
        this.sources = List.of();
        this.wakeUp = null;
        this.clock = null;
    }

    @Inject
    public CampaignRunner(
            CampaignPages pages,
            CampaignRuns runs,
            Instance<CampaignTargets> sources,
            CampaignRunWakeUp wakeUp,
            Clock clock) {
        this(pages, runs, listOf(sources), wakeUp, clock);
    }

    /** For tests: the sources given. */
    public CampaignRunner(
            CampaignPages pages,
            CampaignRuns runs,
            List<CampaignTargets> sources,
            CampaignRunWakeUp wakeUp,
            Clock clock) {
        this.pages = pages;
        this.runs = runs;
        this.sources = List.copyOf(sources);
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    private static List<CampaignTargets> listOf(Instance<CampaignTargets> sources) {
        List<CampaignTargets> all = new ArrayList<>();
        sources.forEach(all::add);
        return all;
    }

    void onStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignRunStarted started) {
        wakeUp.wake(started.runId());
    }

    /**
     * Takes over the runs whose lease expired (a runner that crashed, an instance restarted), each on
     * a thread of its own.
     */
    public void resumeAbandoned() {
        for (UUID id : runs.abandoned(clock.instant(), 20)) {
            LOG.log(Level.INFO, "Campaign run {0}: its lease expired, taking it over", id);
            wakeUp.wake(id);
        }
    }

    /**
     * Runs the run to its end, if its lease can be taken; returns at once otherwise. Each call holds
     * the lease under a name of its own.
     */
    public void run(UUID runId) {
        String owner = "campaign-run-" + UUID.randomUUID();
        Optional<CampaignRun> claimed = pages.claim(runId, owner);
        if (claimed.isEmpty()) {
            return;
        }
        CampaignRun run = claimed.get();
        try {
            Optional<Campaign> found = pages.campaign(run);
            if (found.isEmpty()) {
                pages.finish(run, owner, RunStatus.FAILED, Optional.of("the campaign is gone"));
                return;
            }
            Campaign campaign = found.get();
            CampaignTargets source = source(campaign.definition().type());
            if (!run.prepared()) {
                run = pages.prepare(campaign, run, source, owner);
            }
            String cursor = run.cursor();
            boolean chunked = CampaignPages.setBased(campaign);
            int next = 0;
            List<List<RunTarget>> pending = List.of();
            while (true) {
                Campaign current = pages.campaign(run).orElse(campaign);
                if (current.status().over()) {
                    pages.finish(run, owner, RunStatus.FAILED, Optional.of("the campaign is " + current.status()));
                    return;
                }
                if (!current.status().runnable()) {
                    LOG.log(Level.INFO, "Campaign run {0}: the campaign is {1}; the run waits", new Object[] {
                        runId, current.status()
                    });
                    return;
                }
                if (chunked) {
                    Optional<String> after = chunk(campaign, run, cursor, owner);
                    if (after.isEmpty()) {
                        pages.finish(run, owner, RunStatus.COMPLETED, Optional.empty());
                        LOG.log(Level.INFO, "Campaign run {0} completed", runId);
                        return;
                    }
                    cursor = after.get();
                    continue;
                }
                if (next == pending.size()) {
                    List<RunTarget> fetched = source.page(campaign, run, cursor, FETCH);
                    if (fetched.isEmpty()) {
                        pages.finish(run, owner, RunStatus.COMPLETED, Optional.empty());
                        LOG.log(Level.INFO, "Campaign run {0} completed", runId);
                        return;
                    }
                    pending = pages(fetched, PAGE);
                    next = 0;
                }
                List<RunTarget> targets = pending.get(next++);
                page(campaign, run, targets, owner);
                cursor = targets.get(targets.size() - 1).cursor();
            }
        } catch (RunLeaseLostException e) {
            LOG.log(Level.INFO, "Campaign run {0}: lease taken over, this runner stops", runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Campaign run " + runId + " failed", e);
            try {
                pages.finish(run, owner, RunStatus.FAILED, Optional.of(String.valueOf(e.getMessage())));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Campaign run " + runId + ": recording the failure failed too", again);
            }
        }
    }

    /**
     * The targets cut into pages of at least {@code size} (the last may be smaller), never between
     * two targets of one cursor: a page's cursor is its last target's, and the next read starts
     * after it, so a cursor's targets must commit together.
     */
    static List<List<RunTarget>> pages(List<RunTarget> targets, int size) {
        List<List<RunTarget>> pages = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= targets.size(); i++) {
            boolean boundary = i == targets.size()
                    || (i - from >= size
                            && !targets.get(i)
                                    .cursor()
                                    .equals(targets.get(i - 1).cursor()));
            if (boundary) {
                pages.add(targets.subList(from, i));
                from = i;
            }
        }
        return pages;
    }

    private void page(Campaign campaign, CampaignRun run, List<RunTarget> targets, String owner) {
        for (int attempt = 1; ; attempt++) {
            try {
                pages.page(campaign, run, targets, owner);
                return;
            } catch (RunLeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.INFO, "Campaign run " + run.id() + ": a page failed (attempt " + attempt + "), again", e);
            }
        }
    }

    private Optional<String> chunk(Campaign campaign, CampaignRun run, String cursor, String owner) {
        for (int attempt = 1; ; attempt++) {
            try {
                return pages.chunk(campaign, run, cursor, owner);
            } catch (RunLeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.log(
                        Level.INFO,
                        "Campaign run " + run.id() + ": a chunk failed (attempt " + attempt + "), again",
                        e);
            }
        }
    }

    private CampaignTargets source(CampaignType type) {
        return sources.stream()
                .filter(s -> s.handles(type))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no target source for " + type + " campaigns"));
    }
}
