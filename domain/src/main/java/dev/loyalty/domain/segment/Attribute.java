package dev.loyalty.domain.segment;

import java.util.Optional;

/** A profile attribute a condition may ask about. Values compare without regard to case. */
public enum Attribute {
    CITY("city"),
    PROVINCE("province"),
    /** The store of most visits (from the metrics). */
    HOME_STORE("homeStore"),
    GENDER("gender"),
    /** The age band on the evaluation day, from the birth date: see {@link AgeBand}. */
    AGE_BAND("ageBand"),
    /** STORE, APP or WEB. */
    ENROLMENT_CHANNEL("enrolmentChannel");

    private final String jsonName;

    Attribute(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name in the condition language */
    public String jsonName() {
        return jsonName;
    }

    static Optional<Attribute> byJsonName(String name) {
        for (Attribute attribute : values()) {
            if (attribute.jsonName.equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
