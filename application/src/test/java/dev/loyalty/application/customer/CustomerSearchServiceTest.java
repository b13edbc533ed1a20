package dev.loyalty.application.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerSearchServiceTest {

    static final Actor ADMIN = Actor.admin("back-office");

    /** Five Rossis, by id order; a fake directory doing what the SQL does. */
    final List<CustomerDirectory.Entry> rossis = IntStream.range(0, 5)
            .mapToObj(i -> new CustomerDirectory.Entry("id-" + i, "29000000000" + i, "Marco", "Rossi", Instant.EPOCH))
            .toList();

    final List<Optional<CustomerDirectory.Position>> asked = new ArrayList<>();

    final CustomerSearchService search = new CustomerSearchService((part, after, limit) -> {
        asked.add(after);
        Comparator<CustomerDirectory.Position> order = Comparator.comparing(CustomerDirectory.Position::lastName)
                .thenComparing(CustomerDirectory.Position::firstName)
                .thenComparing(CustomerDirectory.Position::customerId);
        return rossis.stream()
                .filter(e -> after.isEmpty() || order.compare(e.position(), after.get()) > 0)
                .limit(limit)
                .toList();
    });

    @Test
    void pagesGoOnAfterTheLastEntryUntilNoneIsLeft() {
        CustomerDirectory.Page first = search.search("ross", Optional.empty(), 2, ADMIN);
        CustomerDirectory.Page second = search.search("ross", Optional.of(first.next()), 2, ADMIN);
        CustomerDirectory.Page third = search.search("ross", Optional.of(second.next()), 2, ADMIN);

        assertThat(first.items())
                .extracting(CustomerDirectory.Entry::customerId)
                .containsExactly("id-0", "id-1");
        assertThat(second.items())
                .extracting(CustomerDirectory.Entry::customerId)
                .containsExactly("id-2", "id-3");
        assertThat(third.items())
                .extracting(CustomerDirectory.Entry::customerId)
                .containsExactly("id-4");
        assertThat(third.next()).as("the last page").isNull();
        assertThat(asked.get(1)).contains(new CustomerDirectory.Position("Rossi", "Marco", "id-1"));
    }

    @Test
    void aFullLastPageHasNoNextWhenNothingFollows() {
        CustomerDirectory.Page all = search.search("Marco Rossi", Optional.empty(), 5, ADMIN);

        assertThat(all.items()).hasSize(5);
        assertThat(all.next()).isNull();
    }

    @Test
    void aNameTooShortALimitOutOfRangeOrAForeignCursorAreRefusedAtTheirField() {
        assertThatThrownBy(() -> search.search(" r ", Optional.empty(), 20, ADMIN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> search.search("ross", Optional.empty(), 101, ADMIN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> search.search("ross", Optional.of("bm90LWEtY3Vyc29y"), 20, ADMIN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("after");
        assertThat(asked).isEmpty();
    }

    @Test
    void onlyAnAdministratorSearches() {
        assertThatThrownBy(() -> search.search("ross", Optional.empty(), 20, Actor.terminal("till-7", "S001")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
