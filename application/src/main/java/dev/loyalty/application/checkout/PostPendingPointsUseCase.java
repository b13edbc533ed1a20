package dev.loyalty.application.checkout;

import java.time.Instant;

/** Driving port: post the pending points whose {@code postAt} has come, now (the console's button; the job's run). */
public interface PostPendingPointsUseCase {

    /** @return what the run posted */
    Run run();

    /**
     * One run.
     *
     * @param at the instant it posted what was due at
     * @param purchases how many purchases' points it posted
     * @param points how many points
     * @param failed how many postings failed (tried again by the next run)
     */
    record Run(Instant at, int purchases, long points, int failed) {}
}
