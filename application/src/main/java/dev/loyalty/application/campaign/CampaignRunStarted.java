package dev.loyalty.application.campaign;

import java.util.UUID;

/**
 * A run was created; observed after commit to start it on a thread of its own.
 *
 * @param runId the run
 */
public record CampaignRunStarted(UUID runId) {}
