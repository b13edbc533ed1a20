package dev.loyalty.application.history;

import java.io.IOException;
import java.nio.file.Path;

/** Driven port: opens a spooled history file of a format for reading from a position. */
@FunctionalInterface
public interface ReceiptFiles {

    ReceiptReader open(Path file, ImportFormat format, ReadPosition from) throws IOException;
}
