package dev.loyalty.domain.mission;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer reached a mission's goal. Type {@value #TYPE}.
 *
 * @param missionId the mission
 * @param customerId the customer
 * @param completion which completion this is, from 1
 * @param points the points it earned
 * @param occurredAt when
 */
public record MissionCompleted(
        MissionId missionId, CustomerId customerId, int completion, Points points, Instant occurredAt)
        implements DomainEvent {

    public static final String TYPE = "MISSION_COMPLETED";

    /** Checks the components. */
    public MissionCompleted {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
