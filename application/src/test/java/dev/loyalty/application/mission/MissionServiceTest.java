package dev.loyalty.application.mission;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static dev.loyalty.domain.mission.MissionFixtures.purchases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.Points;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MissionServiceTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    private final InMemoryMissions missions = new InMemoryMissions();
    private final InMemoryMissionProgress progress = new InMemoryMissionProgress();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final MissionService service =
            new MissionService(missions, progress, customers, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Actor admin = Actor.admin("console");
    private final AtomicLong rows = new AtomicLong();

    static Stream<Actor> notAdministrators() {
        return Stream.of(
                Actor.terminal("till-1", "MI-001"), Actor.customer(CustomerId.newId()), Actor.integration("website"));
    }

    private Customer customer() {
        Customer customer = aCustomer().build();
        customers.add(customer);
        return customer;
    }

    private Mission defined(Mission mission) {
        return service.define(mission, admin);
    }

    private void step(Mission mission, Customer customer, int cycle, long amount, Instant at) {
        progress.addStep(mission.id(), customer.id(), cycle, rows.incrementAndGet(), amount, at);
    }

    private void completed(Mission mission, Customer customer, int cycle) {
        progress.complete(mission.id(), customer.id(), cycle, mission.rewardPoints(), NOW.minus(DAY));
    }

    @Nested
    class TheConsole {

        @Test
        void anAdministratorDefinesReadsAndEndsAMission() {
            Mission mission = aMission().build();

            service.define(mission, admin);
            Mission ended = service.end(mission.id(), admin);

            assertThat(ended.active()).isFalse();
            assertThat(service.mission(mission.id(), admin)).isEqualTo(ended);
            assertThat(service.missions(admin)).containsExactly(ended);
            assertThat(missions.active()).isEmpty();
        }

        @Test
        void everyMissionIsListedTheActiveFirst() {
            Mission ended = defined(aMission().named("Ended").build());
            service.end(ended.id(), admin);
            Mission running = defined(aMission().named("Running").build());

            assertThat(service.missions(admin)).extracting(Mission::id).containsExactly(running.id(), ended.id());
        }

        @ParameterizedTest
        @MethodSource("dev.loyalty.application.mission.MissionServiceTest#notAdministrators")
        void onlyAnAdministratorDefinesReadsOrEndsMissions(Actor actor) {
            Mission existing = defined(aMission().build());

            assertThatThrownBy(() -> service.define(aMission().build(), actor))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.end(existing.id(), actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.missions(actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.mission(existing.id(), actor)).isInstanceOf(AccessDeniedException.class);
            assertThat(missions.active()).containsExactly(existing);
        }

        @Test
        void anUnknownMissionIsNotFound() {
            MissionId nowhere = MissionId.newId();

            assertThatThrownBy(() -> service.mission(nowhere, admin)).isInstanceOf(MissionNotFoundException.class);
            assertThatThrownBy(() -> service.end(nowhere, admin)).isInstanceOf(MissionNotFoundException.class);
        }
    }

    @Nested
    class ACustomersProgress {

        @Test
        void theCustomerSeesTheirActiveMissionsWithTheProgressOfTheWindow() {
            Customer marco = customer();
            Mission three = defined(aMission().withGoal(purchases(3, 30)).build());
            step(three, marco, 0, 1, NOW.minus(DAY.multipliedBy(40)));
            step(three, marco, 0, 1, NOW.minus(DAY.multipliedBy(20)));
            step(three, marco, 0, 1, NOW.minus(DAY));

            assertThat(service.progressOf(marco.id(), Actor.customer(marco.id())))
                    .containsExactly(new CustomerMission(three, 2, 0, true));
        }

        @Test
        void anotherCustomersProgressIsNotFoundForACustomer() {
            Customer marco = customer();
            Customer elena = customer();
            defined(aMission().build());

            assertThatThrownBy(() -> service.progressOf(elena.id(), Actor.customer(marco.id())))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void aTillAndTheConsoleSeeAnyCustomersProgress() {
            Customer marco = customer();
            defined(aMission().build());

            assertThat(service.progressOf(marco.id(), Actor.terminal("till-1", "MI-001")))
                    .hasSize(1);
            assertThat(service.progressOf(marco.id(), admin)).hasSize(1);
        }

        @Test
        void anUnknownCustomerIsNotFound() {
            CustomerId nobody = CustomerId.newId();

            assertThatThrownBy(() -> service.progressOf(nobody, admin)).isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> service.progressOf(nobody, Actor.customer(nobody)))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void aCompletedOneTimeMissionIsShownClosed() {
            Customer marco = customer();
            Mission three = defined(aMission().withGoal(purchases(3, null)).build());
            for (int i = 0; i < 3; i++) {
                step(three, marco, 0, 1, NOW.minus(DAY.multipliedBy(i + 1)));
            }
            completed(three, marco, 0);

            assertThat(service.progressOf(marco.id(), Actor.customer(marco.id())))
                    .containsExactly(new CustomerMission(three, 0, 1, false));
        }

        @Test
        void aRepeatableMissionShowsTheProgressOfItsCurrentCycleUntilItsCap() {
            Customer marco = customer();
            Mission twice = defined(
                    aMission().withGoal(purchases(2, null)).repeatable(2).build());
            step(twice, marco, 0, 1, NOW.minus(DAY.multipliedBy(3)));
            step(twice, marco, 0, 1, NOW.minus(DAY.multipliedBy(2)));
            completed(twice, marco, 0);
            step(twice, marco, 1, 1, NOW.minus(DAY));

            assertThat(service.progressOf(marco.id(), admin)).containsExactly(new CustomerMission(twice, 1, 1, true));

            step(twice, marco, 1, 1, NOW.minusSeconds(60));
            completed(twice, marco, 1);

            assertThat(service.progressOf(marco.id(), admin)).containsExactly(new CustomerMission(twice, 0, 2, false));
        }

        @Test
        void endedOrExpiredMissionsAreShownOnlyWhenCompleted() {
            Customer marco = customer();
            Mission endedDone = defined(aMission().named("Ended, done").build());
            Mission endedNotDone = defined(aMission().named("Ended, not done").build());
            Mission expired = defined(aMission()
                    .named("Expired")
                    .activeBetween(NOW.minus(DAY.multipliedBy(30)), NOW.minus(DAY))
                    .build());
            completed(endedDone, marco, 0);
            step(endedNotDone, marco, 0, 1, NOW.minus(DAY));
            step(expired, marco, 0, 1, NOW.minus(DAY.multipliedBy(2)));
            service.end(endedDone.id(), admin);
            service.end(endedNotDone.id(), admin);
            Mission ongoing =
                    defined(aMission().named("Ongoing").rewarding(Points.of(10)).build());

            assertThat(service.progressOf(marco.id(), Actor.customer(marco.id())))
                    .extracting(CustomerMission::mission)
                    .extracting(Mission::name)
                    .containsExactlyInAnyOrder("Ended, done", "Ongoing");
            assertThat(service.progressOf(marco.id(), admin))
                    .filteredOn(m -> m.mission().id().equals(endedDone.id()))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.completions()).isEqualTo(1);
                        assertThat(m.open()).isFalse();
                    });
            assertThat(ongoing.active()).isTrue();
        }

        @Test
        void anotherCustomersStepsDoNotCount() {
            Customer marco = customer();
            Customer elena = customer();
            Mission three = defined(aMission().withGoal(purchases(3, null)).build());
            step(three, elena, 0, 1, NOW.minus(DAY));

            assertThat(service.progressOf(marco.id(), admin)).containsExactly(new CustomerMission(three, 0, 0, true));
        }
    }
}
