package dev.loyalty.application.mission;

import dev.loyalty.domain.mission.Mission;

/**
 * A mission as one customer sees it.
 *
 * @param mission the mission
 * @param progress how far the current cycle is (within the goal's window, as of now)
 * @param completions how many times completed
 * @param open whether the customer can still progress
 */
public record CustomerMission(Mission mission, long progress, int completions, boolean open) {}
