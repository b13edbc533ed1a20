package dev.loyalty.domain.rule;

import java.util.UUID;

/**
 * Identity of a rule.
 *
 * @param value the UUID
 */
public record RuleId(UUID value) {

    /** Validates that the UUID is present. */
    public RuleId {
        if (value == null) {
            throw new RuleNotFoundException("ruleId is required");
        }
    }

    /** @return a fresh random identity */
    public static RuleId newId() {
        return new RuleId(UUID.randomUUID());
    }

    /**
     * @param raw a rule id as text
     * @return the identity
     * @throws RuleNotFoundException when it is not a UUID (no rule can have it)
     */
    public static RuleId parse(String raw) {
        try {
            return new RuleId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new RuleNotFoundException("no rule has this id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
