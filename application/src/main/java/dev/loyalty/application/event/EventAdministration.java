package dev.loyalty.application.event;

import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The console's view of events whose reactions gave up, and its retry button. */
@ApplicationScoped
public class EventAdministration implements EventAdministrationUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "parked events are the console's";

    private final ActivityLog activities;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected EventAdministration() {
        this(null, null);
    }

    @Inject
    public EventAdministration(ActivityLog activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /** @return the parked events, newest first */
    @Override
    public List<ActivityLog.ParkedActivity> parked(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return activities.parked(100);
    }

    /** Makes a parked event due again. */
    @Override
    @Transactional
    public void retry(String eventId, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        if (!activities.retry(eventId, clock.instant())) {
            throw new NotParkedException();
        }
    }

    /** No parked event has the id. Code {@value #CODE}. */
    public static class NotParkedException extends DomainException {

        public static final String CODE = "event-not-parked";

        NotParkedException() {
            super("no event with this id is parked");
        }

        @Override
        public String code() {
            return CODE;
        }
    }
}
