package dev.loyalty.application.event;

import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static dev.loyalty.domain.mission.MissionFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.mission.MissionReactor;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionCompleted;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The missions' reactor ({@link MissionReactor}) through the relay. */
class MissionReactionsTest extends ReactionsFixture {

    @Nested
    class MissionsCountEachEvent {

        private final Mission threeIn30Days = aMission()
                .withGoal(purchases(3, 30))
                .rewarding(Points.of(500))
                .activeBetween(NOW.minus(Duration.ofDays(365)), null)
                .build();

        @Test
        void threePurchasesWithin30DaysCompleteTheMissionOnTheThirdExactlyOnce() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(20))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(10))));
            assertThat(progress.completions()).isEmpty();
            reactions.react(purchase(marco, "p-3", 1_000, NOW.minus(DAY)));

            assertThat(progress.completions()).singleElement().satisfies(c -> {
                assertThat(c.missionId()).isEqualTo(threeIn30Days.id());
                assertThat(c.customerId()).isEqualTo(marco.id());
                assertThat(c.cycle()).isZero();
                assertThat(c.points()).isEqualTo(Points.of(500));
            });
            assertThat(entriesReferencing(marco.id(), "mission:" + threeIn30Days.id()))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.type()).isEqualTo(WalletEntryType.EARN);
                        assertThat(entry.points()).isEqualTo(500);
                        assertThat(entry.reason()).isEqualTo(MissionReactor.REASON);
                    });
            assertThat(events)
                    .filteredOn(MissionCompleted.class::isInstance)
                    .containsExactly(new MissionCompleted(threeIn30Days.id(), marco.id(), 1, Points.of(500), NOW));
            String completedId = "mission-completed:" + threeIn30Days.id() + ":" + marco.id() + ":1";
            RecordedActivity completed = activities.byEventId(completedId).orElseThrow();
            assertThat(completed.type()).isEqualTo(EventType.MISSION_COMPLETED);
            assertThat(completed.source()).isEqualTo(EventSource.SERVICE);
            assertThat(completed.customerId()).contains(marco.id());
            assertThat(completed.attributes())
                    .containsEntry("missionId", threeIn30Days.id().toString())
                    .containsEntry("completion", 1L)
                    .containsEntry("points", 500L);
            assertThat(activities.due(NOW, 10))
                    .as("the completion is due for reactions in its turn")
                    .extracting(id -> row(id).activity.eventId())
                    .containsExactly(completedId);
            assertThat(qualifying
                            .history(marco.id(), TierMetric.POINTS_EARNED, YearMonth.from(NOW.atZone(ZoneOffset.UTC)))
                            .byMonth())
                    .as("the mission's points qualify for a tier on points earned")
                    .containsValue(500L);
        }

        @Test
        void aOneTimeMissionDoesNotCompleteTwice() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            for (int i = 1; i <= 7; i++) {
                reactions.react(purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(8 - i))));
            }

            assertThat(progress.completions()).hasSize(1);
            assertThat(entriesReferencing(marco.id(), threeIn30Days.reference()))
                    .hasSize(1);
            assertThat(progress.steps())
                    .as("a closed mission counts no more steps")
                    .hasSize(3);
        }

        @Test
        void stepsOutsideTheWindowDoNotCount() {
            Customer marco = enrolled();
            stored(threeIn30Days);

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(40))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(20))));
            reactions.react(purchase(marco, "p-3", 1_000, NOW.minus(DAY)));
            assertThat(progress.completions())
                    .as("40 days before the third purchase is outside 30 days")
                    .isEmpty();

            reactions.react(purchase(marco, "p-4", 1_000, NOW));

            assertThat(progress.completions()).hasSize(1);
        }

        @Test
        void eventsOutsideTheMissionsActivityAndOtherCustomersDoNotCount() {
            Customer marco = enrolled();
            Customer elena = enrolled();
            Mission may = stored(aMission()
                    .withGoal(purchases(2, null))
                    .activeBetween(NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY))
                    .build());
            stored(aMission().withGoal(purchases(1, null)).inactive().build());

            reactions.react(purchase(marco, "p-1", 1_000, NOW.minus(DAY.multipliedBy(11))));
            reactions.react(purchase(marco, "p-2", 1_000, NOW.minus(DAY.multipliedBy(5))));
            reactions.react(purchase(elena, "p-3", 1_000, NOW.minus(DAY.multipliedBy(4))));
            reactions.react(purchase(marco, "p-4", 1_000, NOW.minus(DAY)));
            reactions.react(newsletter(marco, "nl-1"));

            assertThat(progress.completions()).isEmpty();
            assertThat(progress.progress(may.id(), marco.id(), 0, Instant.MIN, NOW))
                    .isEqualTo(1);
        }

        @Test
        void aRepeatableMissionStartsAgainAndStopsAtItsCap() {
            Customer marco = enrolled();
            Mission twice = stored(aMission()
                    .withGoal(purchases(2, null))
                    .rewarding(Points.of(50))
                    .repeatable(2)
                    .build());

            // the job, not one event: a completion (an event) is reacted to before the next purchase
            for (int i = 1; i <= 3; i++) {
                purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(10 - i)));
                job.drain(5);
            }
            assertThat(progress.completions())
                    .as("the third purchase counts in the second cycle only")
                    .hasSize(1);
            for (int i = 4; i <= 8; i++) {
                purchase(marco, "p-" + i, 1_000, NOW.minus(DAY.multipliedBy(10 - i)));
                job.drain(5);
            }

            assertThat(progress.completions()).extracting(c -> c.cycle()).containsExactly(0, 1);
            assertThat(entriesReferencing(marco.id(), twice.reference()))
                    .extracting(WalletEntry::points)
                    .containsExactly(50L, 50L);
            assertThat(activities.byEventId("mission-completed:" + twice.id() + ":" + marco.id() + ":2"))
                    .isPresent();
            assertThat(activities.byEventId("mission-completed:" + twice.id() + ":" + marco.id() + ":3"))
                    .isEmpty();
        }

        @Test
        void aSpendMissionSumsTheNetOfPurchases() {
            Customer marco = enrolled();
            Mission hundredEuros = stored(aMission().withGoal(spend(10_000)).build());

            reactions.react(purchase(marco, "p-1", 4_000, NOW.minus(DAY.multipliedBy(3))));
            reactions.react(purchase(marco, "p-2", 5_000, NOW.minus(DAY.multipliedBy(2))));
            reactions.react(
                    pushed(marco.id(), "nl-1", NEWSLETTER, NOW.minus(DAY.multipliedBy(2)), Map.of("net", 50_000L)));
            reactions.react(purchase(marco, "p-3", -700, NOW.minus(DAY.multipliedBy(2))));
            assertThat(progress.progress(hundredEuros.id(), marco.id(), 0, Instant.MIN, NOW))
                    .isEqualTo(9_000);
            assertThat(progress.completions()).isEmpty();

            reactions.react(purchase(marco, "p-4", 1_000, NOW.minus(DAY)));

            assertThat(progress.completions()).hasSize(1);
            assertThat(entriesReferencing(marco.id(), hundredEuros.reference())).hasSize(1);
        }
    }
}
