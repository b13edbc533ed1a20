package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.problem.Problem;
import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a batch: one result per item, in order.
 *
 * @param results each item's answer
 */
public record PurchaseBatchView(List<Result> results) {

    /**
     * One item's answer: what {@code POST /purchases} with its key answered (or answers again).
     *
     * @param index the item's position, from 0
     * @param status the HTTP status {@code POST /purchases} gives it (201, or the problem's)
     * @param purchaseId the purchase, when recorded
     * @param replayed whether this is the answer recorded for its key earlier
     * @param purchase the recorded purchase, as {@code POST /purchases} answers it
     * @param problem why it was refused (RFC 9457, with its code)
     */
    public record Result(
            int index,
            int status,
            String purchaseId,
            Boolean replayed,
            @Schema(implementation = PurchaseView.class) JsonObject purchase,
            @Schema(implementation = Problem.class) Object problem) {}
}
