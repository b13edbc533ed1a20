package dev.loyalty.application.mission;

import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import java.util.List;
import java.util.Optional;

/** Driven port: the missions. Works in the caller's transaction. */
public interface Missions {

    /** Stores a new mission. */
    void add(Mission mission);

    /** Stores a changed mission (ended). */
    void save(Mission mission);

    /** @return the mission, if any */
    Optional<Mission> byId(MissionId id);

    /** @return every mission, active first */
    List<Mission> all();

    /** @return the missions still active (their window may not have opened yet) */
    List<Mission> active();
}
