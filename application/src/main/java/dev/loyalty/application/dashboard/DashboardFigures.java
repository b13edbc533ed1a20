package dev.loyalty.application.dashboard;

import java.time.Instant;
import java.time.LocalDate;

/** Driven port: counts the dashboard's figures, set-based, in the store of record. */
@FunctionalInterface
public interface DashboardFigures {

    /**
     * @param now the instant counted at
     * @param firstWeek the Monday of the oldest week to give
     * @return the figures
     */
    Dashboard count(Instant now, LocalDate firstWeek);
}
