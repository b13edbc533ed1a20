package dev.loyalty.domain.mission;

import java.util.UUID;

/**
 * Identity of a mission.
 *
 * @param value the UUID
 */
public record MissionId(UUID value) {

    /** Validates that the UUID is present. */
    public MissionId {
        if (value == null) {
            throw new MissionNotFoundException("missionId is required");
        }
    }

    /** @return a fresh random identity */
    public static MissionId newId() {
        return new MissionId(UUID.randomUUID());
    }

    /**
     * @param raw a mission id as text
     * @return the identity
     * @throws MissionNotFoundException when it is not a UUID (no mission can have it)
     */
    public static MissionId parse(String raw) {
        try {
            return new MissionId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new MissionNotFoundException("no mission has this id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
