package dev.loyalty.application.metrics;

import dev.loyalty.application.shared.Actor;
import java.util.Optional;

/** Driving port: rebuilding every customer's metrics set-based, once across the cluster at a time. */
public interface RebuildMetricsUseCase {

    /**
     * Rebuilds now (the console).
     *
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws MetricsRebuildRunningException while another rebuild runs
     */
    RebuildOutcome rebuild(Actor actor);

    /**
     * The nightly run: does nothing when another instance runs it or a rebuild started since
     * today's scheduled time already ran.
     *
     * @return the rebuild, if this call did it
     */
    Optional<RebuildOutcome> rebuildScheduled();
}
