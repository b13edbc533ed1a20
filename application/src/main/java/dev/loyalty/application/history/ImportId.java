package dev.loyalty.application.history;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.UUID;

/** The identity of one import of a sales history. */
public record ImportId(UUID value) {

    public ImportId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportId newId() {
        return new ImportId(UUID.randomUUID());
    }

    /**
     * @param raw the text of an id
     * @return the id
     * @throws InvalidValueException (field {@code importId}) when it is not a UUID
     */
    public static ImportId parse(String raw) {
        try {
            return new ImportId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("importId", "importId must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
