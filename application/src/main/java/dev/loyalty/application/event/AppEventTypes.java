package dev.loyalty.application.event;

import dev.loyalty.domain.activity.EventType;
import java.util.Set;

/**
 * The event types the programme lets the app post on its customer's behalf (configuration): the
 * customer holds the app's token, so whatever else the app could say is the customer's word.
 */
@FunctionalInterface
public interface AppEventTypes {

    /** @return the types the app may post; empty: none */
    Set<EventType> appPostable();
}
