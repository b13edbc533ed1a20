package dev.loyalty.application.mission;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.mission.MissionFixtures.aMission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissionExplainerTest {

    static final Instant DEFINED = Instant.parse("2026-12-04T22:27:41.106Z");

    private final InMemoryMissions missions = new InMemoryMissions();
    private final InMemoryMissionProgress progress = new InMemoryMissionProgress();
    private final InMemoryActivityLog activities = new InMemoryActivityLog();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final MissionExplainer explainer = new MissionExplainer(
            missions, progress, activities, customers, Clock.fixed(DEFINED.plusSeconds(60), ZoneOffset.UTC));
    private final Actor admin = Actor.admin("console");

    private long purchase(Customer customer, String id, Instant at) {
        activities.append(new RecordedActivity(
                id,
                EventType.PURCHASE_RECORDED,
                EventSource.SERVICE,
                Optional.of(customer.id()),
                Optional.empty(),
                Optional.empty(),
                "MI-001",
                at,
                at.plusMillis(500),
                Map.of("net", 1000L)));
        long row = activities.rowOf(id);
        activities.reacted(row);
        return row;
    }

    @Test
    void saysWhichPurchasesCountedAndWhyTheOthersDidNot() {
        Customer marco = aCustomer().build();
        customers.add(marco);
        Mission mission =
                aMission().activeBetween(Mission.defaultStart(DEFINED), null).build();
        missions.add(mission);
        long sameSecond = purchase(marco, "purchase:a", Instant.parse("2026-12-04T22:27:41Z"));
        purchase(marco, "purchase:b", Instant.parse("2026-12-04T22:26:59Z"));
        progress.addStep(mission.id(), marco.id(), 0, sameSecond, 1, Instant.parse("2026-12-04T22:27:41Z"));

        MissionExplanation why = explainer.explain(mission.id(), marco.id(), 20, admin);

        assertThat(why.progress()).isEqualTo(1);
        assertThat(why.events())
                .extracting(MissionExplanation.Verdict::eventId)
                .containsExactly("purchase:a", "purchase:b");
        assertThat(why.events().get(0).outcome()).isEqualTo(MissionExplanation.Outcome.COUNTED);
        assertThat(why.events().get(1).outcome()).isEqualTo(MissionExplanation.Outcome.NOT_COUNTED);
        assertThat(why.events().get(1).reason()).contains("before the mission's activeFrom 2026-12-04T22:27:00Z");
        assertThat(why.summary()).contains("purchase:b").contains("occurredAt");
    }

    @Test
    void onlyTheConsoleAsksWithinTheLimit() {
        Customer marco = aCustomer().build();
        customers.add(marco);
        Mission mission = aMission().build();
        missions.add(mission);

        assertThatThrownBy(() -> explainer.explain(mission.id(), marco.id(), 20, Actor.terminal("t", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> explainer.explain(mission.id(), marco.id(), 0, admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
}
