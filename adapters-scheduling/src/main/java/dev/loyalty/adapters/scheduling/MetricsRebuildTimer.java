package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.metrics.MetricsSettings;
import dev.loyalty.application.metrics.RebuildMetricsUseCase;
import dev.loyalty.application.metrics.RebuildOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly rebuild of the customer metrics, at the configured time (UTC, {@code
 * LOYALTY_METRICS_REBUILD_AT}, default 03:00), on a non-persistent calendar timer of every instance:
 * the rebuild's lease makes it happen once a night however many instances fire it (the others find
 * it running or done). Created at start, which also checks the metrics' settings: a bad value stops
 * the deployment. Bean-managed transactions: each batch of the rebuild commits on its own.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class MetricsRebuildTimer {

    private static final Logger LOG = Logger.getLogger(MetricsRebuildTimer.class.getName());

    @Inject
    RebuildMetricsUseCase rebuilds;

    @Inject
    MetricsSettings settings;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        settings.definition();
        LocalTime at = settings.rebuildAt();
        timers.createCalendarTimer(
                new ScheduleExpression()
                        .timezone("UTC")
                        .hour(at.getHour())
                        .minute(at.getMinute())
                        .second(0),
                new TimerConfig("metrics-rebuild", false));
    }

    @Timeout
    void rebuild() {
        try {
            Optional<RebuildOutcome> run = rebuilds.rebuildScheduled();
            if (run.isPresent()) {
                LOG.log(Level.INFO, "Nightly metrics rebuild as of {0}: {1} active customers in {2} ms", new Object[] {
                    run.get().rebuiltAt(),
                    run.get().activeCustomers(),
                    run.get().durationMs()
                });
            } else {
                LOG.log(Level.INFO, "Nightly metrics rebuild: another instance runs or ran it");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Nightly metrics rebuild failed; the last one stays in force", e);
        }
    }
}
