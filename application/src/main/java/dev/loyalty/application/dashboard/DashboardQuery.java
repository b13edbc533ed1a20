package dev.loyalty.application.dashboard;

import dev.loyalty.application.shared.Actor;

/** Driving port: the console's dashboard (administrators). */
public interface DashboardQuery {

    /** How many weeks the weekly figures cover, the current one included. */
    int WEEKS = 12;

    /** @return the figures now, with the last {@link #WEEKS} weeks */
    Dashboard dashboard(Actor actor);
}
