package dev.loyalty.application.dashboard;

import dev.loyalty.application.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Reads the dashboard's figures for an administrator, weeks starting on Monday (UTC). */
@ApplicationScoped
public class DashboardService implements DashboardQuery {

    private final DashboardFigures figures;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected DashboardService() {
        this(null, null);
    }

    @Inject
    public DashboardService(DashboardFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public Dashboard dashboard(Actor actor) {
        actor.requireAdmin("the dashboard is the console's");
        Instant now = clock.instant();
        return figures.count(now, firstWeek(now));
    }

    /** The Monday {@link #WEEKS} - 1 weeks before the one of {@code now}. */
    static LocalDate firstWeek(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(WEEKS - 1L);
    }
}
