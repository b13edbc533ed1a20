package dev.loyalty.application.event;

import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.shared.Actor;
import java.util.List;

/** Driving port: the console's view of events whose reactions kept failing, and their retry. */
public interface EventAdministrationUseCases {

    /** @return the parked events, newest first (administrators) */
    List<ActivityLog.ParkedActivity> parked(Actor actor);

    /** Makes a parked event due again (administrators). */
    void retry(String eventId, Actor actor);
}
