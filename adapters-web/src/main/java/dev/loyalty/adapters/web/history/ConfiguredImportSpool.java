package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportSpool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Import bodies are spooled under {@code loyalty.import.dir} (environment
 * {@code LOYALTY_IMPORT_DIR}), by default {@code imports} in the system's temporary directory. An
 * import resumes after a restart only if its file is still there: in production, point it at a
 * persistent disk.
 */
@ApplicationScoped
public class ConfiguredImportSpool implements ImportSpool {

    private final Path directory;

    /** For CDI's proxy only. */
    protected ConfiguredImportSpool() {
        this.directory = null;
    }

    @Inject
    public ConfiguredImportSpool(@ConfigProperty(name = "loyalty.import.dir") Optional<String> directory) {
        this.directory = directory
                .filter(d -> !d.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "loyalty-imports"));
    }

    @Override
    public Path fileFor(ImportId id) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the import directory cannot be created", e);
        }
        return directory.resolve(id + ".import").toAbsolutePath();
    }
}
