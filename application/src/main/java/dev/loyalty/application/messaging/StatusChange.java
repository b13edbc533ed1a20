package dev.loyalty.application.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a message's history: a status it reached or a step on its way ({@code QUEUED},
 * {@code DEFERRED}, {@code ATTEMPT}, {@code RETRY}, {@code SENT}, {@code DELIVERED},
 * {@code FAILED}, {@code SUPPRESSED}, {@code REQUEUED}), what about it, and when. Details never
 * carry an address or the text.
 *
 * @param status the status or step
 * @param detail what about it
 * @param at when
 */
public record StatusChange(String status, String detail, Instant at) {

    /** The longest detail kept. */
    public static final int MAX_DETAIL = 500;

    /** Checks the components and cuts a long detail. */
    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
