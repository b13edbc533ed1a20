package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportFormat;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.ReceiptFiles;
import dev.loyalty.application.history.ReceiptReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens spooled history files with the reader of their format; a receipt may be dated at most a
 * day ahead of the service's clock (time zones of tills).
 */
@ApplicationScoped
public class FileReceiptFiles implements ReceiptFiles {

    static final Duration AHEAD = Duration.ofDays(1);

    private final Clock clock = Clock.systemUTC();

    @Override
    public ReceiptReader open(Path file, ImportFormat format, ReadPosition from) throws IOException {
        return switch (format) {
            case CSV -> CsvReceiptReader.open(file, from, clock.instant().plus(AHEAD));
            case POSLOG -> PosLogReceiptReader.open(file, from, clock.instant().plus(AHEAD));
        };
    }
}
