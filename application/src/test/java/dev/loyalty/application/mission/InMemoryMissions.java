package dev.loyalty.application.mission;

import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Missions in memory, for use-case tests: active ones first, then in the order defined. */
public final class InMemoryMissions implements Missions {

    private final Map<MissionId, Mission> missions = new LinkedHashMap<>();

    @Override
    public synchronized void add(Mission mission) {
        if (missions.containsKey(mission.id())) {
            throw new IllegalStateException("mission " + mission.id() + " is already stored");
        }
        missions.put(mission.id(), mission);
    }

    @Override
    public synchronized void save(Mission mission) {
        if (!missions.containsKey(mission.id())) {
            throw new IllegalStateException("mission " + mission.id() + " is not stored");
        }
        missions.put(mission.id(), mission);
    }

    @Override
    public synchronized Optional<Mission> byId(MissionId id) {
        return Optional.ofNullable(missions.get(id));
    }

    @Override
    public synchronized List<Mission> all() {
        return missions.values().stream()
                .sorted(Comparator.comparing((Mission m) -> !m.active()))
                .toList();
    }

    @Override
    public synchronized List<Mission> active() {
        return missions.values().stream().filter(Mission::active).toList();
    }
}
