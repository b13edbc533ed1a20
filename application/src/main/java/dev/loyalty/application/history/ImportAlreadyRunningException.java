package dev.loyalty.application.history;

import dev.loyalty.domain.shared.DomainException;

/** Another import of the programme is running: one at a time. */
public class ImportAlreadyRunningException extends DomainException {

    public ImportAlreadyRunningException() {
        super("another import is running; start this one when it has finished");
    }

    @Override
    public String code() {
        return "import-already-running";
    }
}
