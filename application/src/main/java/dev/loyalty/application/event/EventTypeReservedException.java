package dev.loyalty.application.event;

import dev.loyalty.domain.shared.DomainException;

/** Only the service records events of this type. Code {@value #CODE}. */
public class EventTypeReservedException extends DomainException {

    public static final String CODE = "event-type-reserved";

    /** @param type the type */
    public EventTypeReservedException(String type) {
        super(type + " is recorded by the service itself and cannot be pushed");
    }

    @Override
    public String code() {
        return CODE;
    }
}
