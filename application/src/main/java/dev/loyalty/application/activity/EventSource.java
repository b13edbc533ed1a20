package dev.loyalty.application.activity;

/** Who told us about an event. */
public enum EventSource {
    /** A trusted system: website, e-commerce, CRM. */
    INTEGRATION,
    /** The app, on the customer's behalf. */
    APP,
    /** The service itself (enrolment, purchase, mission, ...). */
    SERVICE
}
