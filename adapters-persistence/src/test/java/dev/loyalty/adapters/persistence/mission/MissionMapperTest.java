package dev.loyalty.adapters.persistence.mission;

import static dev.loyalty.domain.mission.MissionFixtures.FROM;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.categoryPurchases;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.shared.Points;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping between a mission and the native columns of its row, without a database. */
class MissionMapperTest {

    @Test
    void aRepeatableMissionWithAWindowSurvivesTheRoundTripThroughItsColumns() {
        Mission mission = aMission()
                .named("Three visits in a month")
                .withGoal(purchases(3, 30))
                .rewarding(Points.of(150))
                .repeatable(4)
                .activeBetween(FROM, FROM.plus(Duration.ofDays(90)))
                .build();

        assertThat(MissionMapper.toDomain(MissionMapper.values(mission))).isEqualTo(mission);
    }

    @Test
    void missionsOnEventsAndCategoriesWithoutEndSurviveTooAndAnEndedOneStaysEnded() {
        Mission onEvents =
                aMission().withGoal(events(new EventType("APP_OPENED"), 5)).build();
        Mission onCategory = aMission().withGoal(categoryPurchases("wine", 2)).build();
        Mission ended = new Mission(
                onCategory.id(),
                onCategory.name(),
                onCategory.goal(),
                onCategory.rewardPoints(),
                onCategory.repeatable(),
                onCategory.maxCompletions(),
                onCategory.activeFrom(),
                onCategory.activeUntil(),
                false);

        assertThat(MissionMapper.toDomain(MissionMapper.values(onEvents))).isEqualTo(onEvents);
        assertThat(MissionMapper.toDomain(MissionMapper.values(onCategory))).isEqualTo(onCategory);
        assertThat(MissionMapper.toDomain(MissionMapper.values(ended))).isEqualTo(ended);
        assertThat(MissionMapper.values(ended)[12]).isEqualTo("ENDED");
    }
}
