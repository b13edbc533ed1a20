package dev.loyalty.domain.mission;

import dev.loyalty.domain.shared.DomainException;

/** No mission has the given id. Code {@value #CODE}. */
public class MissionNotFoundException extends DomainException {

    public static final String CODE = "mission-not-found";

    /** @param detail what was looked for */
    public MissionNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
