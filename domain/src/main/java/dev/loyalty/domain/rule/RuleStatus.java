package dev.loyalty.domain.rule;

/** Whether a rule reacts to events. */
public enum RuleStatus {
    /** Reacts. */
    ACTIVE,
    /** Kept, does not react; may be activated again. */
    PAUSED,
    /** Retired for good; its evaluations stay to explain the past. */
    ARCHIVED
}
