package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import java.util.Optional;

/** Driving port: the console finds customers by name, a page at a time (keyset: the page goes on after a cursor). */
public interface CustomerSearchQuery {

    /** The most customers one page holds. */
    int MAX_LIMIT = 100;

    /**
     * @param name at least 2 characters found in the first name, the last name or both ("Marco Ross")
     * @param after the {@code next} cursor of the previous page, or empty for the first
     * @param limit how many, 1 to {@link #MAX_LIMIT}
     * @return the page, ordered by last name, first name and id (administrators)
     */
    CustomerDirectory.Page search(String name, Optional<String> after, int limit, Actor actor);
}
