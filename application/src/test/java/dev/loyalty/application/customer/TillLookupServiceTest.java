package dev.loyalty.application.customer;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.InMemoryTierProgrammes;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierProgramme;
import dev.loyalty.domain.tier.TierStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TillLookupServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final Customer marco = aCustomer().build();
    private final CustomerSummary summary = new CustomerSummary(marco, Points.of(120), Points.of(30));
    private final List<CustomerLookup> asked = new ArrayList<>();
    private final InMemoryTierProgrammes programmes = new InMemoryTierProgrammes();
    private final List<CustomerId> standingsRead = new ArrayList<>();
    private final TierQuery tiers = new TierQuery() {
        @Override
        public Optional<TierStanding> standing(CustomerId customerId, Actor actor) {
            standingsRead.add(customerId);
            TierProgramme programme = programmes.current().orElseThrow().programme();
            return Optional.of(TierStanding.of(
                    programme, CustomerTier.starting(customerId, programme), QualifyingHistory.none(), NOW));
        }

        @Override
        public List<TierHistoryEntry> history(CustomerId customerId, Actor actor) {
            throw new AssertionError("not read by a lookup");
        }
    };
    private final TillLookupService service = new TillLookupService(
            criteria -> {
                asked.add(criteria);
                return criteria.card() != null && criteria.card().equals(marco.cardNumber())
                        ? Optional.of(summary)
                        : Optional.empty();
            },
            programmes,
            tiers);
    private final Actor till = Actor.terminal("till-1", "MI-001");

    @Test
    void answersTheCustomerWithBalanceAndPendingFromOneReadAndNoTierWithoutProgramme() {
        TillLookup found = service.lookup(CustomerLookup.byCard(marco.cardNumber()), till);

        assertThat(found.summary()).isEqualTo(summary);
        assertThat(found.tier()).isEmpty();
        assertThat(asked).containsExactly(CustomerLookup.byCard(marco.cardNumber()));
        assertThat(standingsRead).isEmpty();
    }

    @Test
    void readsTheStandingOnceTheProgrammeExists() {
        programmes.replace(TierFixtures.programme(), NOW, "anna@console");

        TillLookup found = service.lookup(CustomerLookup.byCard(marco.cardNumber()), till);

        assertThat(found.tier()).isPresent();
        assertThat(found.tier().get().tier().name()).isEqualTo("Bronze");
        assertThat(standingsRead).containsExactly(marco.id());
    }

    @Test
    void nobodyDesignatedIsNotFound() {
        CardNumber other = CustomerFixtures.aCardNumber();

        assertThatThrownBy(() -> service.lookup(CustomerLookup.byCard(other), till))
                .isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void anotherCustomerAsksForNobodyElse() {
        Actor someoneElse = Actor.customer(CustomerId.newId());

        assertThatThrownBy(() -> service.lookup(CustomerLookup.byCard(marco.cardNumber()), someoneElse))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(service.lookup(CustomerLookup.byCard(marco.cardNumber()), Actor.customer(marco.id()))
                        .summary())
                .isEqualTo(summary);
    }
}
