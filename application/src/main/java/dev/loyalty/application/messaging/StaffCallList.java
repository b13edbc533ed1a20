package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import java.util.List;
import java.util.UUID;

/**
 * Driving port: a store's call list, the {@code STAFF_CALL} messages for its staff (the personal
 * shopper) to phone. The console sees every store's; a terminal only its own. A call made
 * delivers the message.
 */
public interface StaffCallList {

    /** @return the calls to make, oldest first */
    List<StaffCall> callList(String storeId, Actor actor);

    /**
     * Marks the call made: the message is DELIVERED. The store is the list's: a terminal of another
     * store is refused before anything is read, and a message on another store's list is not found.
     */
    void called(String storeId, UUID messageId, String note, Actor actor);
}
