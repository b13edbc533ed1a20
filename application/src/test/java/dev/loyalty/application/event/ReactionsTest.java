package dev.loyalty.application.event;

import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static dev.loyalty.domain.rule.RuleFixtures.HUNDRED_POINTS;
import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.Reactor;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.shared.Points;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The relay step ({@link Reactions}) and the job that drains due events ({@link ReactionJob}). */
class ReactionsTest extends ReactionsFixture {

    @Test
    void theReactorsRunByTheirOrderWhateverOrderTheyAreGivenIn() {
        Customer marco = enrolled();
        List<String> ran = new ArrayList<>();
        Reactor late = reactor(300, "late", ran);
        Reactor early = reactor(100, "early", ran);
        Reactor middle = reactor(200, "middle", ran);
        Reactions relay = new Reactions(activities, customers, wallets, List.of(late, early, middle), clock);

        relay.react(newsletter(marco, "nl-1"));

        assertThat(ran).containsExactly("early", "middle", "late");
    }

    private static Reactor reactor(int order, String name, List<String> ran) {
        return new Reactor() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public void react(DueActivity due, Customer customer, Instant now) {
                ran.add(name);
            }
        };
    }

    @Nested
    class TheJob {

        @Test
        void drainsEveryDueEventOnceAndTheReactionsOfTheirEffectsInTurn() {
            Customer marco = enrolled();
            Mission first = stored(aMission().withGoal(purchases(1, null)).build());
            Rule congratulate = stored(aRule().on(EventType.MISSION_COMPLETED).doing(HUNDRED_POINTS));
            purchase(marco, "p-1", 1_000, NOW.minus(DAY));
            newsletter(marco, "nl-1");

            int firstRound = job.drain(1);
            int secondRound = job.drain(1);
            int thirdRound = job.drain(1);

            assertThat(firstRound).isEqualTo(2);
            assertThat(secondRound)
                    .as("the mission's completion, recorded by the first round")
                    .isEqualTo(1);
            assertThat(thirdRound).isZero();
            assertThat(entriesReferencing(marco.id(), first.reference())).hasSize(1);
            assertThat(entriesReferencing(marco.id(), "rule:" + congratulate.id()))
                    .hasSize(1);
        }

        @Test
        void aWorkerReactsToItsShareOfTheCustomersOnly() {
            List<Customer> customers = new ArrayList<>();
            Map<Long, Customer> rows = new java.util.HashMap<>();
            for (int i = 0; i < 8; i++) {
                Customer customer = enrolled();
                customers.add(customer);
                rows.put(newsletter(customer, "nl-" + i), customer);
            }
            long ofShareOne = customers.stream()
                    .filter(c -> ActivityLog.shareOf(c.id(), 2) == 1)
                    .count();

            assertThat(job.drain(1, 2, 50, 3)).isEqualTo((int) ofShareOne);

            rows.forEach((rowId, customer) -> assertThat(row(rowId).dueAt == null)
                    .as("reacted to exactly when of share 1")
                    .isEqualTo(ActivityLog.shareOf(customer.id(), 2) == 1));
            assertThat(job.drain(0, 2, 50, 3)).isEqualTo(8 - (int) ofShareOne);
        }

        @Test
        void drainsInBatchesUpToTheNumberAskedFor() {
            Customer marco = enrolled();
            for (int i = 0; i <= ReactionJob.BATCH; i++) {
                newsletter(marco, "nl-" + i);
            }

            assertThat(job.drain(1)).isEqualTo(ReactionJob.BATCH);
            assertThat(job.drain(3)).isEqualTo(1);
        }

        @Test
        void aFailureIsRecordedRetriedWithBackoffAndParkedAfterTheLastAttempt() {
            Customer marco = enrolled();
            stored(aRule().on(NEWSLETTER).doing(HUNDRED_POINTS));
            EventType broken = new EventType("BROKEN");
            failOn = broken;
            newsletter(marco, "nl-1");
            long failing = pushed(marco.id(), "broken-1", broken, NOW.minusSeconds(10), Map.of());
            newsletter(marco, "nl-2");

            int reacted = job.drain(1);

            assertThat(reacted).as("a failure does not stop the others").isEqualTo(2);
            assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(200));
            assertThat(row(failing).attempts).isEqualTo(1);
            assertThat(row(failing).error).isEqualTo("IllegalStateException: boom");
            assertThat(row(failing).dueAt).isEqualTo(NOW.plus(Reactions.backoff(1)));
            assertThat(job.drain(1)).as("not due again before its backoff").isZero();
            assertThat(row(failing).attempts).isEqualTo(1);

            for (int attempt = 2; attempt <= Reactions.MAX_ATTEMPTS; attempt++) {
                Instant retryAt = row(failing).dueAt;
                clock.set(retryAt);
                job.drain(1);
                assertThat(row(failing).attempts).isEqualTo(attempt);
                if (attempt < Reactions.MAX_ATTEMPTS) {
                    assertThat(row(failing).dueAt).isEqualTo(retryAt.plus(Reactions.backoff(attempt)));
                }
            }

            assertThat(row(failing).dueAt).as("parked").isNull();
            assertThat(activities.parked(10))
                    .containsExactly(new ActivityLog.ParkedActivity(
                            "broken-1",
                            "BROKEN",
                            marco.id().toString(),
                            Reactions.MAX_ATTEMPTS,
                            "IllegalStateException: boom"));
            clock.set(clock.instant().plus(Duration.ofDays(30)));
            assertThat(job.drain(1)).isZero();

            failOn = null;
            activities.retry("broken-1", clock.instant());
            assertThat(job.drain(1)).isEqualTo(1);
            assertThat(activities.parked(10)).isEmpty();
        }

        @Test
        void anEventThatFailedOnceAndThenSucceededIsNotParked() {
            Customer marco = enrolled();
            EventType broken = new EventType("BROKEN");
            failOn = broken;
            long failing = pushed(marco.id(), "broken-1", broken, NOW.minusSeconds(10), Map.of());
            job.drain(1);
            failOn = null;

            clock.set(NOW.plus(Reactions.backoff(1)));
            int reacted = job.drain(1);

            assertThat(reacted).isEqualTo(1);
            assertThat(row(failing).attempts).isEqualTo(1);
            assertThat(row(failing).dueAt).isNull();
            assertThat(activities.parked(10)).isEmpty();
        }

        @Test
        void theBackoffGrowsFourfoldFromFiveSecondsUpToAnHour() {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30))
                    .extracting(Reactions::backoff)
                    .containsExactly(
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(80),
                            Duration.ofSeconds(320),
                            Duration.ofSeconds(1_280),
                            Duration.ofHours(1),
                            Duration.ofHours(1),
                            Duration.ofHours(1),
                            Duration.ofHours(1));
        }

        @Test
        void aFailureOfAnEventNoLongerDueChangesNothing() {
            Customer marco = enrolled();
            long row = newsletter(marco, "nl-1");
            reactions.react(row);

            reactions.failed(row, "late");

            assertThat(row(row).attempts).isZero();
            assertThat(row(row).error).isNull();
        }
    }
}
