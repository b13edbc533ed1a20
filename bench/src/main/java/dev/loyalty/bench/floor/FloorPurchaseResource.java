package dev.loyalty.bench.floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /floor/purchases}: the stack's purchase floor. Takes the body the service's {@code
 * POST /api/v1/purchases} takes (JSON-B into a record, Bean Validation on it, as the service's
 * resource), runs the plain-JDBC baseline's statements ({@link PurchaseWrites}) in one container
 * transaction on the container's pool, and answers 201 with a small JSON body like the service's.
 * {@code POST /floor/purchases/local}: the same in a JDBC transaction on the pooled connection (no
 * JTA). No authentication, no domain, no JPA: what is left of a purchase's cost is the stack's.
 */
@Path("purchases")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FloorPurchaseResource {

    @Inject
    FloorPurchases purchases;

    /** A basket line of the body. */
    public record LineBody(
            @NotBlank @Size(max = 64) String sku,
            @Size(max = 64) String category,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @NotNull @PositiveOrZero Long unitPrice) {}

    /** The body, as the service's {@code PurchaseRequest} (no card, offline or pending fields). */
    public record PurchaseBody(
            @NotBlank @Size(max = 64) String storeId,
            @NotBlank @Size(max = 64) String receiptId,
            @NotBlank @Size(max = 40) String occurredAt,
            @NotBlank @Size(max = 64) String customerId,
            @Size(max = 16) String channel,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid LineBody> lines,
            @Size(max = 1) List<@NotBlank @Size(max = 32) String> couponCodes,
            @NotNull @PositiveOrZero Long totalPaid) {}

    /** The answer, as the service's purchase view. */
    public record PurchaseView(
            String purchaseId, long pointsAwarded, List<String> couponsRedeemed, long walletBalance) {}

    /** In a container transaction ({@code @Transactional}), as the service's use case. */
    @POST
    public Response record(@NotNull @Valid PurchaseBody body) {
        return answer(body, true);
    }

    /** In a JDBC transaction on the pooled connection, as the baseline. */
    @POST
    @Path("local")
    public Response recordLocal(@NotNull @Valid PurchaseBody body) {
        return answer(body, false);
    }

    private Response answer(PurchaseBody body, boolean container) {
        Instant occurred;
        try {
            occurred = Instant.parse(body.occurredAt());
        } catch (DateTimeParseException e) {
            return problem(400, "occurred-at-invalid");
        }
        List<PurchaseWrites.Line> lines = new ArrayList<>(body.lines().size());
        for (LineBody line : body.lines()) {
            lines.add(new PurchaseWrites.Line(line.sku(), line.category(), line.quantity(), line.unitPrice()));
        }
        List<String> codes = body.couponCodes() == null ? List.of() : body.couponCodes();
        PurchaseWrites.Purchase purchase = new PurchaseWrites.Purchase(
                body.storeId(),
                body.receiptId(),
                body.customerId(),
                occurred,
                lines,
                codes.isEmpty() ? null : codes.get(0),
                body.toString());
        if (purchase.totalPaid() != body.totalPaid()) {
            return problem(422, "total-paid-mismatch");
        }
        PurchaseWrites.Outcome outcome;
        try {
            outcome = container ? purchases.inTransaction(purchase) : purchases.onConnection(purchase);
        } catch (FloorPurchases.Failed e) {
            return problem(409, e.kind());
        }
        if (outcome.failure() != null) {
            return problem(422, outcome.failure());
        }
        return Response.created(URI.create("/floor/purchases/" + outcome.purchaseId()))
                .entity(new PurchaseView(outcome.purchaseId(), outcome.points(), codes, outcome.balance()))
                .build();
    }

    private static Response problem(int status, String code) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("status", status, "code", code))
                .build();
    }
}
