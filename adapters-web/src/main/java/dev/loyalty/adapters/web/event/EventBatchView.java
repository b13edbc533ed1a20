package dev.loyalty.adapters.web.event;

import dev.loyalty.adapters.web.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a batch of events: one result per item, in order.
 *
 * @param results each item's answer
 */
public record EventBatchView(List<Result> results) {

    /**
     * One item's answer: what {@code POST /events} would have answered it.
     *
     * @param index the item's position, from 0
     * @param status the HTTP status {@code POST /events} gives it (202 taken in, 200 duplicate, or the
     *     problem's)
     * @param eventId the event, when it was readable
     * @param outcome ACCEPTED, PROSPECT or DUPLICATE, when taken in
     * @param customerId the customer, when known
     * @param problem why it was refused (RFC 9457, with its code)
     */
    @Schema(name = "EventBatchResult")
    public record Result(
            int index,
            int status,
            String eventId,
            String outcome,
            String customerId,
            @Schema(implementation = Problem.class) Object problem) {}
}
