package dev.loyalty.application.history;

/** The worker no longer holds the import's lease: another worker took it over, it must stop. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(ImportId id) {
        super("the lease of import " + id + " was taken over");
    }
}
