package dev.loyalty.application.event;

import dev.loyalty.domain.shared.DomainException;

/** The app posted an event type the programme does not let it post (see {@link AppEventTypes}). */
public class EventTypeNotAppPostableException extends DomainException {

    public static final String CODE = "event-type-not-app-postable";

    /** @param type the type */
    public EventTypeNotAppPostableException(String type) {
        super(type + " is not an event type the app may post (the programme's app-postable types)");
    }

    @Override
    public String code() {
        return CODE;
    }
}
