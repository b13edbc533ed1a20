package dev.loyalty.adapters.persistence.mission;

import static dev.loyalty.adapters.persistence.sql.NativeRows.instant;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.mission.Missions;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.mission.Goal;
import dev.loyalty.domain.mission.GoalType;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The missions in {@code mission}. */
@ApplicationScoped
public class JpaMissions implements Missions {

    private static final String COLUMNS = "id, name, goal_type, event_type, category, target, within_days,"
            + " reward_points, repeatable, max_completions, active_from, active_until, status";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaMissions() {}

    /** For tests outside the container. */
    public JpaMissions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void add(Mission mission) {
        em.createNativeQuery("INSERT INTO mission (" + COLUMNS + ", created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, mission.id().toString())
                .setParameter(2, mission.name())
                .setParameter(3, mission.goal().type().name())
                .setParameter(
                        4, mission.goal().eventType().map(EventType::value).orElse(null))
                .setParameter(5, mission.goal().category().orElse(null))
                .setParameter(6, mission.goal().target())
                .setParameter(7, mission.goal().withinDays().orElse(null))
                .setParameter(8, mission.rewardPoints().value())
                .setParameter(9, mission.repeatable())
                .setParameter(10, mission.maxCompletions().orElse(null))
                .setParameter(11, UtcTimes.utc(mission.activeFrom()))
                .setParameter(12, UtcTimes.utc(mission.activeUntil().orElse(null)))
                .setParameter(13, mission.active() ? "ACTIVE" : "ENDED")
                .setParameter(14, UtcTimes.utc(clock.instant()))
                .executeUpdate();
    }

    @Override
    public void save(Mission mission) {
        em.createNativeQuery("UPDATE mission SET status = ? WHERE id = ?")
                .setParameter(1, mission.active() ? "ACTIVE" : "ENDED")
                .setParameter(2, mission.id().toString())
                .executeUpdate();
    }

    @Override
    public Optional<Mission> byId(MissionId id) {
        return select("WHERE id = ?", id.toString()).stream().findFirst();
    }

    @Override
    public List<Mission> all() {
        return select("ORDER BY status, active_from, name LIMIT 1000");
    }

    @Override
    public List<Mission> active() {
        return select("WHERE status = 'ACTIVE' ORDER BY active_from, id");
    }

    private List<Mission> select(String where, Object... parameters) {
        var query = em.createNativeQuery("SELECT " + COLUMNS + " FROM mission " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(JpaMissions::mission)
                .toList();
    }

    private static Mission mission(Object[] row) {
        Goal goal = new Goal(
                GoalType.valueOf((String) row[2]),
                Optional.ofNullable((String) row[3]).map(EventType::new),
                ((Number) row[5]).longValue(),
                Optional.ofNullable((Number) row[6]).map(Number::intValue),
                Optional.ofNullable((String) row[4]));
        return new Mission(
                new MissionId(UUID.fromString((String) row[0])),
                (String) row[1],
                goal,
                Points.of(((Number) row[7]).longValue()),
                bool(row[8]),
                Optional.ofNullable((Number) row[9]).map(Number::intValue),
                instant(row[10]),
                Optional.ofNullable(instant(row[11])),
                "ACTIVE".equals(row[12]));
    }

    private static boolean bool(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }
}
