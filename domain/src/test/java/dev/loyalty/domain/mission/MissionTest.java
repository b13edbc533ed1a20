package dev.loyalty.domain.mission;

import static dev.loyalty.domain.mission.MissionFixtures.FROM;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MissionTest {

    private static final Instant UNTIL = Instant.parse("2025-06-01T00:00:00Z");

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }

    @Nested
    class Validation {

        @Test
        void countsTheAppsEventsOnlyWhenItSaysSo() {
            Mission trusting = aMission().build();
            Mission acceptingTheApp = new Mission(
                    trusting.id(),
                    trusting.name(),
                    trusting.goal(),
                    trusting.rewardPoints(),
                    trusting.repeatable(),
                    trusting.maxCompletions(),
                    trusting.activeFrom(),
                    trusting.activeUntil(),
                    true,
                    java.util.Set.of(dev.loyalty.domain.activity.EventSource.APP));

            assertThat(trusting.accepts(dev.loyalty.domain.activity.EventSource.APP))
                    .isFalse();
            assertThat(trusting.accepts(dev.loyalty.domain.activity.EventSource.INTEGRATION))
                    .isTrue();
            assertThat(trusting.accepts(dev.loyalty.domain.activity.EventSource.SERVICE))
                    .isTrue();
            assertThat(acceptingTheApp.accepts(dev.loyalty.domain.activity.EventSource.APP))
                    .isTrue();
            assertThat(acceptingTheApp.ended().accepts(dev.loyalty.domain.activity.EventSource.APP))
                    .isTrue();
        }

        @Test
        void theNameIsStrippedAndOneToTwoHundredCharacters() {
            assertThat(aMission().named("  Three purchases ").build().name()).isEqualTo("Three purchases");
            assertThat(aMission().named("x".repeat(200)).build().name()).hasSize(200);
            for (String bad : new String[] {null, "", " \n ", "x".repeat(201)}) {
                assertInvalid(() -> aMission().named(bad).build(), "name");
            }
        }

        @Test
        void rewardsOneToAMillionPoints() {
            assertThat(aMission().rewarding(Points.of(1)).build().rewardPoints())
                    .isEqualTo(Points.of(1));
            assertThat(aMission().rewarding(Points.of(1_000_000)).build().rewardPoints())
                    .isEqualTo(Points.of(1_000_000));
            assertInvalid(() -> aMission().rewarding(Points.ZERO).build(), "rewardPoints");
            assertInvalid(() -> aMission().rewarding(Points.of(1_000_001)).build(), "rewardPoints");
            assertInvalid(() -> aMission().rewarding(null).build(), "rewardPoints");
        }

        @Test
        void onlyARepeatableMissionHasACap() {
            assertInvalid(() -> aMission().withMaxCompletions(3).build(), "maxCompletions");
            assertThat(aMission().repeatable(3).build().maxCompletions()).contains(3);
        }

        @Test
        void theCapIsOneToTenThousand() {
            assertThat(aMission().repeatable(1).build().maxCompletions()).contains(1);
            assertThat(aMission().repeatable(10_000).build().maxCompletions()).contains(10_000);
            assertInvalid(() -> aMission().repeatable(0).build(), "maxCompletions");
            assertInvalid(() -> aMission().repeatable(-1).build(), "maxCompletions");
            assertInvalid(() -> aMission().repeatable(10_001).build(), "maxCompletions");
        }

        @Test
        void endsAfterItStarts() {
            assertInvalid(() -> aMission().activeBetween(FROM, FROM).build(), "activeUntil");
            assertInvalid(
                    () -> aMission().activeBetween(FROM, FROM.minusSeconds(1)).build(), "activeUntil");
            assertThat(aMission().activeBetween(FROM, FROM.plusNanos(1)).build().activeUntil())
                    .contains(FROM.plusNanos(1));
        }

        @Test
        void requiresIdGoalStartUntilAndCap() {
            MissionId id = MissionId.newId();
            Goal goal = purchases(3, null);
            Points points = Points.of(10);
            Optional<Integer> noCap = Optional.empty();
            Optional<Instant> noEnd = Optional.empty();
            assertThatThrownBy(() -> new Mission(null, "m", goal, points, false, noCap, FROM, noEnd, true))
                    .hasMessage("id");
            assertThatThrownBy(() -> new Mission(id, "m", null, points, false, noCap, FROM, noEnd, true))
                    .hasMessage("goal");
            assertThatThrownBy(() -> new Mission(id, "m", goal, points, false, noCap, null, noEnd, true))
                    .hasMessage("activeFrom");
            assertThatThrownBy(() -> new Mission(id, "m", goal, points, false, noCap, FROM, null, true))
                    .hasMessage("activeUntil");
            assertThatThrownBy(() -> new Mission(id, "m", goal, points, false, null, FROM, noEnd, true))
                    .hasMessage("maxCompletions");
        }
    }

    @Nested
    class CountsAt {

        @Test
        void countsFromItsStartInclusive() {
            Mission mission = aMission().build();
            assertThat(mission.countsAt(FROM)).isTrue();
            assertThat(mission.countsAt(FROM.minusNanos(1))).isFalse();
            assertThat(mission.countsAt(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
        }

        @Test
        void countsUntilItsEndExclusive() {
            Mission may = aMission().activeBetween(FROM, UNTIL).build();
            assertThat(may.countsAt(UNTIL.minusNanos(1))).isTrue();
            assertThat(may.countsAt(UNTIL)).isFalse();
            assertThat(may.countsAt(UNTIL.plusSeconds(1))).isFalse();
            assertThat(may.countsAt(FROM)).isTrue();
        }

        @Test
        void anEndedMissionCountsNothing() {
            Mission ended = aMission().activeBetween(FROM, UNTIL).build().ended();
            assertThat(ended.active()).isFalse();
            assertThat(ended.countsAt(FROM)).isFalse();
            assertThat(ended.countsAt(FROM.plus(Duration.ofDays(3)))).isFalse();
            assertThat(aMission().inactive().build().countsAt(FROM)).isFalse();
        }

        @Test
        void endingKeepsEverythingElse() {
            Mission mission =
                    aMission().repeatable(4).activeBetween(FROM, UNTIL).build();
            assertThat(mission.ended())
                    .usingRecursiveComparison()
                    .ignoringFields("active")
                    .isEqualTo(mission);
        }
    }

    @Nested
    class Open {

        @Test
        void aOneTimeMissionIsOpenUntilCompleted() {
            Mission once = aMission().build();
            assertThat(once.open(0)).isTrue();
            assertThat(once.open(1)).isFalse();
            assertThat(once.open(2)).isFalse();
        }

        @Test
        void aRepeatableMissionWithoutACapStaysOpen() {
            Mission again = aMission().repeatable().build();
            assertThat(again.open(0)).isTrue();
            assertThat(again.open(1)).isTrue();
            assertThat(again.open(10_000)).isTrue();
        }

        @Test
        void aCappedMissionClosesAtItsCap() {
            Mission threeTimes = aMission().repeatable(3).build();
            assertThat(threeTimes.open(0)).isTrue();
            assertThat(threeTimes.open(2)).isTrue();
            assertThat(threeTimes.open(3)).isFalse();
            assertThat(threeTimes.open(4)).isFalse();
        }

        @Test
        void aCapOfOneIsLikeAOneTimeMission() {
            Mission once = aMission().repeatable(1).build();
            assertThat(once.open(0)).isTrue();
            assertThat(once.open(1)).isFalse();
        }
    }

    @Nested
    class Window {

        @Test
        void startsTheGoalsDaysBeforeTheLatestStep() {
            Instant latest = Instant.parse("2025-05-31T18:30:00Z");
            Mission thirtyDays = aMission().withGoal(purchases(3, 30)).build();
            assertThat(thirtyDays.windowStart(latest)).isEqualTo(Instant.parse("2025-05-01T18:30:00Z"));
            Mission oneDay = aMission().withGoal(purchases(3, 1)).build();
            assertThat(oneDay.windowStart(latest)).isEqualTo(Instant.parse("2025-05-30T18:30:00Z"));
        }

        @Test
        void withoutAWindowEveryEarlierStepCounts() {
            Mission noWindow = aMission().withGoal(purchases(3, null)).build();
            assertThat(noWindow.windowStart(Instant.parse("2025-05-31T18:30:00Z")))
                    .isEqualTo(Instant.MIN)
                    .isBefore(Instant.EPOCH);
        }
    }

    @Test
    void itsPointsCarryTheMissionAsReference() {
        MissionId id = new MissionId(UUID.fromString("0b6a1f0e-2f3c-4d5e-8f90-a1b2c3d4e5f6"));
        assertThat(aMission().withId(id).build().reference()).isEqualTo("mission:0b6a1f0e-2f3c-4d5e-8f90-a1b2c3d4e5f6");
    }

    @Nested
    class Clock {

        private Activity purchaseAt(Instant at, EventSource source) {
            return new Activity(
                    "purchase:" + UUID.randomUUID(),
                    EventType.PURCHASE_RECORDED,
                    CustomerId.newId(),
                    "MI-001",
                    at,
                    java.util.Map.of(Activity.NET, 1000L),
                    source);
        }

        @Test
        void aMissionDefinedWithoutAStartCountsFromTheBeginningOfItsMinute() {
            Instant defined = Instant.parse("2026-12-04T22:27:41.106Z");

            assertThat(Mission.defaultStart(defined)).isEqualTo(Instant.parse("2026-12-04T22:27:00Z"));
            Mission mission = aMission()
                    .activeBetween(Mission.defaultStart(defined), null)
                    .build();
            Instant stampedByTheTill = Instant.parse("2026-12-04T22:27:41Z");
            assertThat(mission.countsAt(stampedByTheTill)).isTrue();
            assertThat(mission.whyNotCounted(purchaseAt(stampedByTheTill, EventSource.SERVICE)))
                    .isEmpty();
        }

        @Test
        void saysWhyAnEventDoesNotCount() {
            Mission mission = aMission().activeBetween(FROM, UNTIL).build();

            assertThat(mission.whyNotCounted(purchaseAt(FROM.minusSeconds(1), EventSource.SERVICE)))
                    .hasValueSatisfying(r -> assertThat(r)
                            .contains("before the mission's activeFrom " + FROM)
                            .contains("occurredAt"));
            assertThat(mission.whyNotCounted(purchaseAt(UNTIL, EventSource.SERVICE)))
                    .hasValueSatisfying(r -> assertThat(r).contains("activeUntil"));
            assertThat(mission.whyNotCounted(purchaseAt(FROM, EventSource.APP)))
                    .hasValueSatisfying(r -> assertThat(r).contains("APP"));
            assertThat(mission.ended().whyNotCounted(purchaseAt(FROM, EventSource.SERVICE)))
                    .hasValueSatisfying(r -> assertThat(r).contains("ended"));
            Activity installed = new Activity(
                    "e-1", new EventType("APP_INSTALLED"), CustomerId.newId(), null, FROM, java.util.Map.of());
            assertThat(mission.whyNotCounted(installed))
                    .hasValueSatisfying(
                            r -> assertThat(r).contains("PURCHASE_COUNT").contains("APP_INSTALLED"));
            assertThat(mission.whyNotCounted(purchaseAt(FROM, EventSource.SERVICE)))
                    .isEmpty();
        }
    }
}
