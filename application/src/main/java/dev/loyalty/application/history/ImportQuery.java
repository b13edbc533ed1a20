package dev.loyalty.application.history;

import java.util.List;

/** Driving port: how an import stands and what it rejected. */
public interface ImportQuery {

    /** @throws ImportNotFoundException when no import has this id */
    ImportJob importJob(ImportId id);

    /**
     * @return up to {@code limit} rejected rows after line {@code afterLine}, in line order
     * @throws ImportNotFoundException when no import has this id
     */
    List<RejectedRow> rejects(ImportId id, long afterLine, int limit);
}
