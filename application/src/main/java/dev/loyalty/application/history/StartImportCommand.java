package dev.loyalty.application.history;

import dev.loyalty.application.shared.Actor;
import java.util.Objects;

/**
 * Starts an import of a sales history file.
 *
 * @param format the file's format, as sniffed from its first bytes
 * @param awardPoints whether imported purchases earn points (by the earning rules in force when
 *     each occurred) for their known customers
 * @param actor who starts it
 */
public record StartImportCommand(ImportFormat format, boolean awardPoints, Actor actor) {

    public StartImportCommand {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(actor, "actor");
    }
}
