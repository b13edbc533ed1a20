package dev.loyalty.application.mission;

import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.domain.mission.Mission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The active missions, kept between events while {@link ReactionSettingsVersions} does not move
 * (every change of a mission moves it, in the change's transaction).
 */
@ApplicationScoped
public class ActiveMissions {

    /** What was read under one version. */
    private record Known(long version, List<Mission> missions) {}

    private final Missions missions;
    private final ReactionSettingsVersions versions;
    private volatile Known known = new Known(Long.MIN_VALUE, List.of());

    /** For CDI's proxy only. */
    protected ActiveMissions() {
        this(null, null);
    }

    @Inject
    public ActiveMissions(Missions missions, ReactionSettingsVersions versions) {
        this.missions = missions;
        this.versions = versions;
    }

    /** @return the active missions, as {@link Missions#active} */
    public List<Mission> all() {
        long version = versions.current();
        Known now = known;
        if (now.version() != version) {
            // read after the version: what it holds is at least as new as the version
            now = new Known(version, missions.active());
            known = now;
        }
        return now.missions();
    }
}
