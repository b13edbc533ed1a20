/**
 * Missions: the console defines them; {@link dev.loyalty.application.mission.MissionReactor}
 * counts each customer's steps and completes them; the app shows progress.
 */
package dev.loyalty.application.mission;
