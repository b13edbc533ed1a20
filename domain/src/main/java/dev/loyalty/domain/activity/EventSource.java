package dev.loyalty.domain.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who told us about an event. Rules and missions state the sources they accept; by default
 * {@link #TRUSTED}: what the app says on a customer's behalf earns nothing unless the programme
 * says so, since the customer holding the token could say anything.
 */
public enum EventSource {
    /** A trusted system: website, e-commerce, CRM. */
    INTEGRATION,
    /** The app, on the customer's behalf. */
    APP,
    /** The service itself (enrolment, purchase, mission, ...). */
    SERVICE;

    /** What a rule or mission accepts unless it names its sources: everything but the app. */
    public static final Set<EventSource> TRUSTED = Set.copyOf(EnumSet.of(INTEGRATION, SERVICE));
}
