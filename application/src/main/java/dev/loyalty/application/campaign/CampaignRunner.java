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
 * again; a cancelled one's run fails). A set-based run prepared in lanes ({@link RunLanes}) goes
 * lane by lane at the same time, each lane on a thread of its own with a lease of its own, chunk by
 * chunk; the lane done last completes the run.
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
     * a thread of its own; for a run in lanes, the lanes whose lease expired (each lane's runner wakes
     * the next).
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
        if (!pages.lanes(runId).isEmpty()) {
            lane(runId);
            return;
        }
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
                if (!pages.lanes(runId).isEmpty()) {
                    // prepared in lanes: the run's own lease is not used any more (it expires), each
                    // lane is leased and taken over on its own
                    lane(runId);
                    return;
                }
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
     * Takes a lane of a run in lanes whose lease is free or expired and runs it to its end, chunk by
     * chunk, each committing the lane's cursor and the run's tally; before it, wakes another thread
     * for the next lane still free, so that the lanes go at the same time (each thread takes one).
     * The lane done last completes the run. A lane whose runner stopped is taken over from its
     * committed cursor ({@link #resumeAbandoned}); a failed chunk (after its retries) fails the run,
     * and its other lanes stop at their next chunk.
     */
    void lane(UUID runId) {
        Optional<CampaignRun> found = pages.run(runId);
        if (found.isEmpty() || found.get().status() != RunStatus.RUNNING) {
            return;
        }
        CampaignRun run = found.get();
        String owner = "campaign-lane-" + UUID.randomUUID();
        List<CampaignRunLane> lanes = pages.lanes(runId);
        Optional<CampaignRunLane> claimed = Optional.empty();
        int taken = 0;
        for (; taken < lanes.size() && claimed.isEmpty(); taken++) {
            if (!lanes.get(taken).done()) {
                claimed = pages.claimLane(run, lanes.get(taken).lane(), owner);
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        if (lanes.subList(taken, lanes.size()).stream().anyMatch(l -> !l.done())) {
            wakeUp.wake(runId);
        }
        CampaignRunLane lane = claimed.get();
        try {
            String cursor = lane.cursor();
            while (true) {
                Optional<Campaign> current = pages.campaign(run);
                if (current.isEmpty()) {
                    pages.fail(run, "the campaign is gone");
                    return;
                }
                if (current.get().status().over()) {
                    pages.fail(run, "the campaign is " + current.get().status());
                    return;
                }
                if (!current.get().status().runnable()) {
                    LOG.log(Level.INFO, "Campaign run {0} lane {1}: the campaign is {2}; the lane waits", new Object[] {
                        runId, lane.lane(), current.get().status()
                    });
                    return;
                }
                Optional<String> after = laneChunk(current.get(), run, lane, cursor, owner);
                if (after.isEmpty()) {
                    finishLane(run, lane, owner);
                    LOG.log(Level.INFO, "Campaign run {0}: lane {1} done", new Object[] {runId, lane.lane()});
                    return;
                }
                cursor = after.get();
            }
        } catch (RunLeaseLostException e) {
            LOG.log(
                    Level.INFO,
                    "Campaign run {0} lane {1}: lease taken over or run ended, this runner stops",
                    new Object[] {runId, lane.lane()});
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Campaign run " + runId + " lane " + lane.lane() + " failed", e);
            try {
                pages.fail(run, String.valueOf(e.getMessage()));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Campaign run " + runId + ": recording the failure failed too", again);
            }
        }
    }

    /** Ends the lane; again after a failure (a deadlock with a runner that lost its lease, rare). */
    private void finishLane(CampaignRun run, CampaignRunLane lane, String owner) {
        attempts(run, "lane " + lane.lane() + ": its end", attempt -> {
            pages.finishLane(run, lane, owner);
            return null;
        });
    }

    private Optional<String> laneChunk(
            Campaign campaign, CampaignRun run, CampaignRunLane lane, String cursor, String owner) {
        // a retry reads the campaign again (a budget set meanwhile is then spent under its lock)
        return attempts(
                run,
                "lane " + lane.lane() + ": a chunk",
                attempt -> pages.chunk(
                        attempt == 1 ? campaign : pages.campaign(run).orElse(campaign),
                        run,
                        Optional.of(lane),
                        cursor,
                        owner));
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
        attempts(run, "a page", attempt -> {
            pages.page(campaign, run, targets, owner);
            return null;
        });
    }

    private Optional<String> chunk(Campaign campaign, CampaignRun run, String cursor, String owner) {
        return attempts(run, "a chunk", attempt -> pages.chunk(campaign, run, cursor, owner));
    }

    /**
     * The step, again after a failure up to {@link #ATTEMPTS} times (a deadlock's victim, the
     * database away a moment); a lost lease stops at once.
     *
     * @param what the step, for the log
     * @param step the step, given its attempt's number (from 1)
     */
    private static <T> T attempts(CampaignRun run, String what, java.util.function.IntFunction<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.apply(attempt);
            } catch (RunLeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.log(
                        Level.INFO,
                        "Campaign run " + run.id() + ": " + what + " failed (attempt " + attempt + "), again",
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
