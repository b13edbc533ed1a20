package dev.loyalty.adapters.persistence.mission;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.mission.MissionProgress;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps in {@code mission_step} (unique per mission and event), completions in {@code mission_completion}. */
@ApplicationScoped
public class JpaMissionProgress implements MissionProgress {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaMissionProgress() {}

    /** For tests outside the container. */
    public JpaMissionProgress(EntityManager em) {
        this.em = em;
    }

    @Override
    public int completions(MissionId missionId, CustomerId customerId) {
        return (int) NativeRows.number(
                em.createNativeQuery("SELECT COUNT(*) FROM mission_completion WHERE customer_id = ? AND mission_id = ?")
                        .setParameter(1, customerId.toString())
                        .setParameter(2, missionId.toString())
                        .getSingleResult());
    }

    @Override
    public Map<MissionId, Integer> completionsOf(CustomerId customerId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT mission_id, COUNT(*) FROM mission_completion WHERE customer_id = ? GROUP BY mission_id")
                .setParameter(1, customerId.toString())
                .getResultList();
        Map<MissionId, Integer> completions = new HashMap<>();
        for (Object raw : rows) {
            Object[] row = (Object[]) raw;
            completions.put(new MissionId(UUID.fromString((String) row[0])), (int) NativeRows.number(row[1]));
        }
        return completions;
    }

    @Override
    public boolean addStep(
            MissionId missionId, CustomerId customerId, int cycle, long eventRowId, long amount, Instant occurredAt) {
        return em.createNativeQuery("INSERT IGNORE INTO mission_step (mission_id, customer_id, cycle, event_row_id,"
                                + " amount, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .setParameter(1, missionId.toString())
                        .setParameter(2, customerId.toString())
                        .setParameter(3, cycle)
                        .setParameter(4, eventRowId)
                        .setParameter(5, amount)
                        .setParameter(6, UtcTimes.utc(occurredAt))
                        .executeUpdate()
                == 1;
    }

    @Override
    public Map<Long, Long> stepsOf(MissionId missionId, CustomerId customerId, Collection<Long> rowIds) {
        Map<Long, Long> counted = new HashMap<>();
        if (rowIds.isEmpty()) {
            return counted;
        }
        String marks = String.join(",", java.util.Collections.nCopies(rowIds.size(), "?"));
        var query = em.createNativeQuery("SELECT event_row_id, amount FROM mission_step WHERE mission_id = ?"
                        + " AND customer_id = ? AND event_row_id IN (" + marks + ")")
                .setParameter(1, missionId.toString())
                .setParameter(2, customerId.toString());
        int i = 3;
        for (Long rowId : rowIds) {
            query.setParameter(i++, rowId);
        }
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            counted.put(NativeRows.number(row[0]), NativeRows.number(row[1]));
        }
        return counted;
    }

    @Override
    public long progress(MissionId missionId, CustomerId customerId, int cycle, Instant from, Instant to) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM mission_step WHERE customer_id = ?"
                        + " AND mission_id = ? AND cycle = ? AND occurred_at >= ? AND occurred_at <= ?")
                .setParameter(1, customerId.toString())
                .setParameter(2, missionId.toString())
                .setParameter(3, cycle)
                .setParameter(4, UtcTimes.utc(from.isBefore(EPOCH) ? EPOCH : from))
                .setParameter(5, UtcTimes.utc(to))
                .getSingleResult();
        return NativeRows.number(sum);
    }

    @Override
    public void complete(MissionId missionId, CustomerId customerId, int cycle, Points points, Instant at) {
        em.createNativeQuery("INSERT INTO mission_completion (mission_id, customer_id, cycle, points, completed_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, missionId.toString())
                .setParameter(2, customerId.toString())
                .setParameter(3, cycle)
                .setParameter(4, points.value())
                .setParameter(5, UtcTimes.utc(at))
                .executeUpdate();
    }

    /** DATETIME starts at year 1000; a window with no start begins here. */
    private static final Instant EPOCH = Instant.parse("1970-01-01T00:00:00Z");
}
