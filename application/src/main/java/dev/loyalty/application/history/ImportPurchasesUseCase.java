package dev.loyalty.application.history;

/**
 * Driving port: a sales history is imported in two steps. {@link #begin} stores the import
 * (refused while another runs) and names the file its body is spooled to; once the body is
 * wholly on disk, {@link #spooled} hands it to a worker. A body that could not be spooled ends
 * the import with {@link #uploadFailed}.
 */
public interface ImportPurchasesUseCase {

    /**
     * @return the new import, running, not yet spooled
     * @throws ImportAlreadyRunningException when another import is running
     */
    ImportJob begin(StartImportCommand command);

    /** Keeps the spooling import's lease while a long body arrives. */
    void stillSpooling(ImportId id);

    /** The body is on disk, {@code bytes} long: a worker will read it. */
    void spooled(ImportId id, long bytes);

    /** The body could not be spooled: the import has failed. */
    void uploadFailed(ImportId id, String reason);
}
