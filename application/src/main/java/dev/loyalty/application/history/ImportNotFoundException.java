package dev.loyalty.application.history;

import dev.loyalty.domain.shared.DomainException;

/** No import has this id. */
public class ImportNotFoundException extends DomainException {

    public ImportNotFoundException() {
        super("no import has this id");
    }

    @Override
    public String code() {
        return "import-not-found";
    }
}
