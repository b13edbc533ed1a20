package dev.loyalty.adapters.persistence.mission;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.activity.SqlReactionSettingsVersion;
import dev.loyalty.application.mission.Missions;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The missions in {@code mission}. */
@ApplicationScoped
public class JpaMissions implements Missions {

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
        Object[] values = MissionMapper.values(mission);
        var insert = em.createNativeQuery("INSERT INTO mission (" + MissionMapper.COLUMNS + ", created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        insert.setParameter(values.length + 1, UtcTimes.utc(clock.instant())).executeUpdate();
        SqlReactionSettingsVersion.bump(em);
    }

    @Override
    public void save(Mission mission) {
        em.createNativeQuery("UPDATE mission SET status = ? WHERE id = ?")
                .setParameter(1, MissionMapper.status(mission))
                .setParameter(2, mission.id().toString())
                .executeUpdate();
        SqlReactionSettingsVersion.bump(em);
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
        var query = em.createNativeQuery("SELECT " + MissionMapper.COLUMNS + " FROM mission " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(MissionMapper::toDomain)
                .toList();
    }
}
