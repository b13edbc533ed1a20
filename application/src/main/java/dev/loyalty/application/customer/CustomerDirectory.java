package dev.loyalty.application.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Driven port: customers found by a part of their name, in name order, on from a position. */
@FunctionalInterface
public interface CustomerDirectory {

    /**
     * @param namePart what the first name, the last name or "first last" contains (case-insensitive)
     * @param after the position to go on after, or empty from the start
     * @param limit how many at most
     * @return the customers after {@code after}, ordered by (last name, first name, id)
     */
    List<Entry> byName(String namePart, Optional<Position> after, int limit);

    /**
     * A customer in the list.
     *
     * @param customerId the id
     * @param cardNumber the card
     * @param firstName the first name
     * @param lastName the last name, or {@code null}
     * @param enrolledAt when enrolled
     */
    record Entry(String customerId, String cardNumber, String firstName, String lastName, Instant enrolledAt) {
        /** Checks the components. */
        public Entry {
            Objects.requireNonNull(customerId, "customerId");
        }

        /** @return where this entry stands in the order */
        public Position position() {
            return new Position(lastName == null ? "" : lastName, firstName, customerId);
        }
    }

    /** A place in the order (last name, empty when none; first name; id). */
    record Position(String lastName, String firstName, String customerId) {
        /** Checks the components. */
        public Position {
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    /**
     * A page of results.
     *
     * @param items the customers
     * @param next the cursor of the next page, or {@code null} when this one is the last
     */
    record Page(List<Entry> items, String next) {
        /** Copies the list. */
        public Page {
            items = List.copyOf(items);
        }
    }
}
