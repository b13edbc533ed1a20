/**
 * Missions: gamified goals ("3 purchases in 30 days", "install the app") whose completion earns
 * points. Each event that counts is a step; a completion closes a cycle and, when the mission is
 * repeatable and under its cap, opens the next.
 */
package dev.loyalty.domain.mission;
