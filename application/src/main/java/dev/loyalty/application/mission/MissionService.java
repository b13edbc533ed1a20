package dev.loyalty.application.mission;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console's missions and each customer's progress. */
@ApplicationScoped
public class MissionService implements MissionUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "missions are defined by the console";

    private final Missions missions;
    private final MissionProgress progress;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected MissionService() {
        this(null, null, null, null);
    }

    @Inject
    public MissionService(Missions missions, MissionProgress progress, Customers customers, Clock clock) {
        this.missions = missions;
        this.progress = progress;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Mission define(Mission mission, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        missions.add(mission);
        return mission;
    }

    @Override
    @Transactional
    public Mission end(MissionId id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Mission ended = existing(id).ended();
        missions.save(ended);
        return ended;
    }

    @Override
    public List<Mission> missions(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return missions.all();
    }

    @Override
    public Mission mission(MissionId id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return existing(id);
    }

    @Override
    public List<CustomerMission> progressOf(CustomerId customerId, Actor actor) {
        if (!actor.maySee(customerId) || !customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        Instant now = clock.instant();
        Map<MissionId, Integer> completed = progress.completionsOf(customerId);
        List<CustomerMission> seen = new ArrayList<>();
        for (Mission mission : missions.all()) {
            int completions = completed.getOrDefault(mission.id(), 0);
            boolean current =
                    mission.active() && mission.activeUntil().map(now::isBefore).orElse(true);
            if (!current && completions == 0) {
                continue;
            }
            boolean open = current && mission.open(completions);
            long done =
                    open ? progress.progress(mission.id(), customerId, completions, mission.windowStart(now), now) : 0;
            seen.add(new CustomerMission(mission, done, completions, open));
        }
        return seen;
    }

    private Mission existing(MissionId id) {
        return missions.byId(id).orElseThrow(() -> new MissionNotFoundException("no mission has the id " + id));
    }
}
