package dev.loyalty.application.history;

import java.nio.file.Path;

/** Driven port: where the body of an import is spooled before it is read. */
@FunctionalInterface
public interface ImportSpool {

    /** @return a file path (not yet existing) for the import's body, in a directory that exists */
    Path fileFor(ImportId id);
}
