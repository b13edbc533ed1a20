package dev.loyalty.adapters.persistence.mission;

import static dev.loyalty.adapters.persistence.sql.NativeRows.instant;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.mission.Goal;
import dev.loyalty.domain.mission.GoalType;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.Points;
import java.util.Optional;
import java.util.UUID;

/**
 * Between a {@link Mission} and its {@code mission} row, read and written as native columns in the
 * order of {@link #COLUMNS}; the status is {@code ACTIVE} or {@code ENDED}.
 */
final class MissionMapper {

    static final String COLUMNS = "id, name, goal_type, event_type, category, target, within_days,"
            + " reward_points, repeatable, max_completions, active_from, active_until, status, sources";

    private MissionMapper() {}

    /** A mission's values in the order of {@link #COLUMNS}. */
    static Object[] values(Mission mission) {
        return new Object[] {
            mission.id().toString(),
            mission.name(),
            mission.goal().type().name(),
            mission.goal().eventType().map(EventType::value).orElse(null),
            mission.goal().category().orElse(null),
            mission.goal().target(),
            mission.goal().withinDays().orElse(null),
            mission.rewardPoints().value(),
            mission.repeatable(),
            mission.maxCompletions().orElse(null),
            UtcTimes.utc(mission.activeFrom()),
            UtcTimes.utc(mission.activeUntil().orElse(null)),
            status(mission),
            mission.sources().equals(EventSource.TRUSTED)
                    ? null
                    : String.join(
                            ",",
                            mission.sources().stream().map(Enum::name).sorted().toList())
        };
    }

    static String status(Mission mission) {
        return mission.active() ? "ACTIVE" : "ENDED";
    }

    /** A row of {@link #COLUMNS} as the driver returns it. */
    static Mission toDomain(Object[] row) {
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
                "ACTIVE".equals(row[12]),
                row[13] == null
                        ? EventSource.TRUSTED
                        : java.util.Arrays.stream(((String) row[13]).split(","))
                                .map(EventSource::valueOf)
                                .collect(java.util.stream.Collectors.toSet()));
    }

    private static boolean bool(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }
}
