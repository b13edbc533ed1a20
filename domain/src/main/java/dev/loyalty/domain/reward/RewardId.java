package dev.loyalty.domain.reward;

import java.util.UUID;

/**
 * The identity of a reward: a random UUID, never reused.
 *
 * @param value the UUID, non-null
 */
public record RewardId(UUID value) {

    /** Validates that the UUID is present. */
    public RewardId {
        if (value == null) {
            throw new RewardNotFoundException("rewardId is required");
        }
    }

    /** @return a fresh random identity */
    public static RewardId newId() {
        return new RewardId(UUID.randomUUID());
    }

    /**
     * @param raw a reward id as text
     * @return the identity
     * @throws RewardNotFoundException when it is not a UUID (no reward can have it)
     */
    public static RewardId parse(String raw) {
        try {
            return new RewardId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new RewardNotFoundException("no reward has this id");
        }
    }

    /** @return the canonical UUID string */
    @Override
    public String toString() {
        return value.toString();
    }
}
