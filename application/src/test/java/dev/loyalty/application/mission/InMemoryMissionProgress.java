package dev.loyalty.application.mission;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mission steps and completions in memory, for use-case tests, with the database's unique keys:
 * an event counts once per mission; a cycle completes once per mission and customer.
 */
public final class InMemoryMissionProgress implements MissionProgress {

    /** An event's contribution to a customer's cycle of a mission. */
    public record Step(
            MissionId missionId, CustomerId customerId, int cycle, long eventRowId, long amount, Instant occurredAt) {}

    /** A completed cycle. */
    public record Completion(MissionId missionId, CustomerId customerId, int cycle, Points points, Instant at) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<Completion> completions = new ArrayList<>();

    @Override
    public synchronized int completions(MissionId missionId, CustomerId customerId) {
        return (int) completions.stream()
                .filter(c -> c.missionId().equals(missionId) && c.customerId().equals(customerId))
                .count();
    }

    @Override
    public synchronized Map<MissionId, Integer> completionsOf(CustomerId customerId) {
        Map<MissionId, Integer> counts = new LinkedHashMap<>();
        completions.stream()
                .filter(c -> c.customerId().equals(customerId))
                .forEach(c -> counts.merge(c.missionId(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized boolean addStep(
            MissionId missionId, CustomerId customerId, int cycle, long eventRowId, long amount, Instant occurredAt) {
        if (steps.stream().anyMatch(s -> s.missionId().equals(missionId) && s.eventRowId() == eventRowId)) {
            return false;
        }
        steps.add(new Step(missionId, customerId, cycle, eventRowId, amount, occurredAt));
        return true;
    }

    @Override
    public synchronized Map<Long, Long> stepsOf(
            MissionId missionId, CustomerId customerId, java.util.Collection<Long> rowIds) {
        Map<Long, Long> counted = new LinkedHashMap<>();
        steps.stream()
                .filter(s -> s.missionId().equals(missionId)
                        && s.customerId().equals(customerId)
                        && rowIds.contains(s.eventRowId()))
                .forEach(s -> counted.put(s.eventRowId(), s.amount()));
        return counted;
    }

    @Override
    public synchronized long progress(MissionId missionId, CustomerId customerId, int cycle, Instant from, Instant to) {
        return steps.stream()
                .filter(s -> s.missionId().equals(missionId)
                        && s.customerId().equals(customerId)
                        && s.cycle() == cycle
                        && !s.occurredAt().isBefore(from)
                        && !s.occurredAt().isAfter(to))
                .mapToLong(Step::amount)
                .sum();
    }

    @Override
    public synchronized void complete(
            MissionId missionId, CustomerId customerId, int cycle, Points points, Instant at) {
        if (completions.stream()
                .anyMatch(c ->
                        c.missionId().equals(missionId) && c.customerId().equals(customerId) && c.cycle() == cycle)) {
            throw new IllegalStateException("cycle " + cycle + " of mission " + missionId + " is already completed");
        }
        completions.add(new Completion(missionId, customerId, cycle, points, at));
    }

    /** @return every step counted, oldest first */
    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    /** @return every completion, oldest first */
    public synchronized List<Completion> completions() {
        return List.copyOf(completions);
    }
}
