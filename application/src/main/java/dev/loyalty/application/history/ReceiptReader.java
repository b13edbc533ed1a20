package dev.loyalty.application.history;

import java.io.IOException;
import java.util.Optional;

/** Reads a spooled history file chunk by chunk, in constant memory. */
public interface ReceiptReader extends AutoCloseable {

    /** @return the next chunk, empty at the end of the file */
    Optional<ReadChunk> next() throws IOException;

    @Override
    void close() throws IOException;
}
