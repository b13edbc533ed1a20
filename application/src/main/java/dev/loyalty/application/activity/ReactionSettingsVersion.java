package dev.loyalty.application.activity;

/**
 * Driven port: the version of what the reactions read on every event (the active rules, the
 * missions), changed in the same transaction as they are. Works in the caller's transaction.
 */
public interface ReactionSettingsVersion {

    /** @return the version committed now */
    long current();
}
