package dev.loyalty.application.event;

import dev.loyalty.application.activity.ActivityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the events due for reactions, each in its own transaction (see {@link Reactions}). Safe
 * to run in several service instances at once: an event another instance holds is skipped. A
 * failure is recorded on the event (retried later, parked after a few attempts) and does not stop
 * the others.
 */
@ApplicationScoped
public class ReactionJob {

    private static final Logger LOG = Logger.getLogger(ReactionJob.class.getName());

    static final int BATCH = 200;

    private final ActivityLog activities;
    private final Reactions reactions;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected ReactionJob() {
        this(null, null, null);
    }

    @Inject
    public ReactionJob(ActivityLog activities, Reactions reactions, Clock clock) {
        this.activities = activities;
        this.reactions = reactions;
        this.clock = clock;
    }

    /**
     * Reacts to the events due now, at most {@code batches} batches of {@link #BATCH}.
     *
     * @return how many events this call reacted to
     */
    public int drain(int batches) {
        int reacted = 0;
        for (int batch = 0; batch < batches; batch++) {
            List<Long> due = activities.due(clock.instant(), BATCH);
            for (long rowId : due) {
                try {
                    if (reactions.react(rowId)) {
                        reacted++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reactions to event row " + rowId + " failed; retried later", e);
                    reactions.failed(rowId, describe(e));
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return reacted;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 480 ? text.substring(0, 480) : text;
    }
}
