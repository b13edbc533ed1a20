package dev.loyalty.application.campaign;

import java.util.Optional;
import java.util.UUID;

/**
 * A lane of a set-based run ({@link RunLanes}): its range of customers, how far it got, whether it is
 * done.
 *
 * @param runId its run
 * @param lane its number
 * @param low the customers after it are the lane's
 * @param high its last customer, empty for the last lane
 * @param cursor the last customer done (the lane's low before its first chunk)
 * @param done whether its last chunk was done
 */
public record CampaignRunLane(UUID runId, int lane, String low, Optional<String> high, String cursor, boolean done) {}
