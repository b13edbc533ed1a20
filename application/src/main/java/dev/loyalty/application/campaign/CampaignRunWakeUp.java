package dev.loyalty.application.campaign;

import java.util.UUID;

/** Driven port: runs a campaign run on a thread of its own, after the request that created it. */
@FunctionalInterface
public interface CampaignRunWakeUp {

    void wake(UUID runId);
}
