package dev.loyalty.application.tier;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierProgrammeMissingException;
import dev.loyalty.domain.tier.TierStanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierServiceTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final TierFakes fakes = new TierFakes();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final List<DomainEvent> events = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryTierReviews reviews =
            new InMemoryTierReviews(fakes.programmes, fakes.tiers, fakes.activity, events::add);
    private final InMemoryActivityLog activities = new InMemoryActivityLog();
    private final TierService service = new TierService(
            fakes.programmes,
            fakes.tiers,
            fakes.movements(events::add),
            customers,
            new InMemoryWallets(),
            new TierReviewJob(new TierReviewBatch(reviews), fakes.programmes, clock),
            events::add,
            new ServiceEvents(activities),
            clock);
    private final Actor admin = Actor.admin("anna@console");

    private CustomerId marco() {
        var marco = aCustomer().build();
        customers.add(marco);
        return marco.id();
    }

    @Test
    void onlyAnAdministratorSetsTheProgrammeAndEveryoneReadsIt() {
        StoredTierProgramme stored = service.define(TierFixtures.programme(), admin);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.changedBy()).isEqualTo("anna@console");
        assertThat(stored.changedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> service.define(TierFixtures.programme(), Actor.terminal("till", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.current(Actor.customer(marco()))).contains(stored);
    }

    @Test
    void anOverrideIsAuditedWithWhoWhenAndWhyAndPublished() {
        service.define(TierFixtures.programme(), admin);
        CustomerId marco = marco();
        Instant until = NOW.plus(Duration.ofDays(90));

        TierStanding standing = service.override(
                new OverrideTierCommand(marco, "gold", "status match from a competitor", until, admin));

        assertThat(standing.tier().name()).isEqualTo("Gold");
        assertThat(standing.heldUntil()).contains(until);
        assertThat(standing.reviewAt()).contains(until);
        assertThat(events).containsExactly(new TierChanged(marco, "Bronze", "Gold", TierChangeCause.ADMIN, NOW));
        assertThat(activities.rows())
                .as("rules can react to it")
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.activity.type().value()).isEqualTo("TIER_CHANGED");
                    assertThat(row.activity.customerId()).contains(marco);
                    assertThat(row.activity.attributes())
                            .containsEntry("to", "Gold")
                            .containsEntry("cause", "ADMIN");
                    assertThat(row.dueAt).isEqualTo(NOW);
                });
        assertThat(service.history(marco, admin)).singleElement().satisfies(entry -> {
            assertThat(entry.cause()).isEqualTo(TierChangeCause.ADMIN);
            assertThat(entry.actor()).isEqualTo("anna@console");
            assertThat(entry.reason()).isEqualTo("status match from a competitor");
            assertThat(entry.heldUntil()).isEqualTo(until);
            assertThat(entry.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void anOverrideNeedsAProgrammeAKnownTierAndAReason() {
        CustomerId marco = marco();

        assertThatThrownBy(() -> service.override(new OverrideTierCommand(marco, "Gold", "why", null, admin)))
                .isInstanceOf(TierProgrammeMissingException.class);
        service.define(TierFixtures.programme(), admin);
        assertThatThrownBy(() -> service.override(new OverrideTierCommand(marco, "Platinum", "why", null, admin)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("tier");
                    assertThat(e.getMessage()).contains("Bronze, Silver, Gold");
                });
        assertThatThrownBy(() -> new OverrideTierCommand(marco, "Gold", " ", null, admin))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> service.override(
                        new OverrideTierCommand(marco, "Gold", "why", null, Actor.terminal("till", "MI-001"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> service.override(new OverrideTierCommand(CustomerId.newId(), "Gold", "why", null, admin)))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void aCustomerSeesOnlyTheirOwnStandingAndNoneWithoutProgramme() {
        CustomerId marco = marco();
        CustomerId elena = marco();

        assertThat(service.standing(marco, Actor.customer(marco))).isEmpty();
        service.define(TierFixtures.programme(), admin);
        fakes.activity.add(marco, QualifyingWindow.monthOf(NOW), 38_000, 380);
        TierStanding standing = service.standing(marco, Actor.customer(marco)).orElseThrow();
        assertThat(standing.tier().name()).isEqualTo("Bronze");
        assertThat(standing.neededForNext()).isEqualTo(12_000);
        assertThatThrownBy(() -> service.standing(marco, Actor.customer(elena)))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> service.history(marco, Actor.customer(marco)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theReviewNeedsAProgrammeAndRunsEveryBatch() {
        assertThatThrownBy(() -> service.review(NOW, admin)).isInstanceOf(TierProgrammeMissingException.class);
        service.define(TierFixtures.programme(), admin);
        CustomerId marco = marco();
        fakes.activity.add(marco, QualifyingWindow.monthOf(NOW), TierFixtures.GOLD_FROM, 1);

        ReviewProgress progress = service.review(NOW, admin);

        assertThat(progress.finished()).isTrue();
        assertThat(progress.upgraded()).isEqualTo(1);
        assertThat(service.standing(marco, admin).orElseThrow().tier().name()).isEqualTo("Gold");
        assertThatThrownBy(() -> service.review(NOW, Actor.integration("crm")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
