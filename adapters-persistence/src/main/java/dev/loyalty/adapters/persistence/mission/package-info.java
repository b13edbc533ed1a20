/** Missions, their steps and completions. */
package dev.loyalty.adapters.persistence.mission;
