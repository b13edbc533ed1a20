package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.idempotency.IdempotentPosts;
import dev.loyalty.adapters.web.limit.RateLimits;
import dev.loyalty.adapters.web.problem.BatchItems;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.checkout.ConfirmPurchaseUseCase;
import dev.loyalty.application.checkout.PurchaseQuery;
import dev.loyalty.application.checkout.PurchaseReceipt;
import dev.loyalty.application.checkout.RecordPurchaseCommand;
import dev.loyalty.application.checkout.RecordPurchaseUseCase;
import dev.loyalty.application.checkout.ReversePurchaseCommand;
import dev.loyalty.application.checkout.ReversePurchaseUseCase;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /purchases}: a till or an online shop records a purchase (coupons redeemed, points
 * earned, atomically and once per receipt and per {@code Idempotency-Key}); a till or the console
 * voids or refunds it.
 */
@Path("purchases")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchases")
public class PurchaseResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    RecordPurchaseUseCase recording;

    @Inject
    ReversePurchaseUseCase reversing;

    @Inject
    PurchaseQuery query;

    @Inject
    ConfirmPurchaseUseCase confirming;

    @Inject
    IdempotentPosts idempotent;

    @Inject
    Caller caller;

    @Inject
    RateLimits limits;

    @Inject
    Validator validator;

    @Context
    Providers providers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "recordPurchase",
            summary = "Record a purchase",
            description = "In one transaction: the receipt and its lines, the coupons redeemed, the points earned"
                    + " on the net paid. A coupon that cannot be applied rejects the whole purchase with its code"
                    + " (e.g. coupon-already-redeemed) and nothing changes. Unique per (storeId, receiptId)."
                    + " With an Idempotency-Key a retry gets the first response again (Idempotent-Replayed: true).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Elena pays with her coupon",
                                            value =
                                                    """
                    {"storeId": "MI-001", "receiptId": "MI-001-20261123-0042", "occurredAt": "2026-11-23T10:15:00Z",
                     "cardNumber": "2973687873978", "channel": "STORE",
                     "lines": [{"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 2, "unitPrice": 599},
                               {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}],
                     "couponCodes": ["KXFE-8Q7E-X"], "totalPaid": 1148}""")))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Receipt already recorded (purchase-already-recorded), coupon already redeemed"
                    + " (coupon-already-redeemed), or a request with this Idempotency-Key still in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A coupon that cannot be applied (its code), a field not valid (validation-failed), or an"
                    + " Idempotency-Key used for another request (idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Coupons from a terminal locked out after too many invalid codes (coupon-lockout),"
                    + " Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(
            @NotNull @Valid PurchaseRequest body,
            @Parameter(description = "1-255 printable ASCII; a retry with the same key and body is answered once")
                    @HeaderParam(IdempotentPosts.KEY_HEADER)
                    String key,
            @Context UriInfo uri) {
        return recordOne(body, key, uri.getAbsolutePathBuilder());
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "recordPurchaseBatch",
            summary = "Upload a till's purchases after it was offline (up to 500)",
            description = "Each item is judged and recorded on its own, in its own transaction, exactly as POST"
                    + " /purchases with its idempotencyKey would be: a retried batch replays each item's answer."
                    + " 200 with one result per item {index, status, purchaseId?, problem?}; only a batch that is"
                    + " not a list of keyed purchases is refused whole.")
    @APIResponse(
            responseCode = "200",
            description = "Each item's answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseBatchView.class)))
    @APIResponse(
            responseCode = "422",
            description = "No items, more than 500, or an item without idempotencyKey or purchase (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PurchaseBatchView batch(@NotNull @Valid PurchaseBatchRequest body, @Context UriInfo uri) {
        List<PurchaseBatchView.Result> results = new ArrayList<>();
        List<PurchaseBatchRequest.Item> items = body.items();
        for (int i = 0; i < items.size(); i++) {
            PurchaseBatchRequest.Item item = items.get(i);
            Response answer;
            try {
                BatchItems.validate(validator, item.purchase());
                answer = recordOne(
                        item.purchase(),
                        item.idempotencyKey(),
                        uri.getBaseUriBuilder().path(PurchaseResource.class));
            } catch (RuntimeException e) {
                answer = BatchItems.refusal(providers, e);
            }
            results.add(result(i, answer));
        }
        return new PurchaseBatchView(results);
    }

    private static PurchaseBatchView.Result result(int index, Response answer) {
        Object entity = answer.getEntity();
        if (entity instanceof String json && answer.getStatus() < 300) {
            JsonObject created = Json.createReader(new StringReader(json)).readObject();
            return new PurchaseBatchView.Result(
                    index,
                    answer.getStatus(),
                    created.getString("purchaseId", null),
                    "true".equals(answer.getHeaderString(IdempotentPosts.REPLAYED_HEADER)),
                    created,
                    null);
        }
        return new PurchaseBatchView.Result(index, answer.getStatus(), null, null, null, entity);
    }

    /** Records one purchase as POST /purchases does; {@code location} is the purchases' URI. */
    private Response recordOne(PurchaseRequest body, String key, UriBuilder location) {
        Actor actor = caller.actor();
        if (body.couponCodes() != null && !body.couponCodes().isEmpty()) {
            limits.couponsAllowed(actor);
        }
        RecordPurchaseCommand command = RecordPurchaseCommand.of(
                        body.storeId(),
                        body.receiptId(),
                        Times.instant("occurredAt", body.occurredAt()),
                        body.customerId() == null ? null : CustomerId.parse(body.customerId()),
                        body.cardNumber() == null ? null : CardNumber.of(body.cardNumber()),
                        body.channel() == null
                                ? SalesChannel.STORE
                                : Choices.of(SalesChannel.class, "channel", body.channel()),
                        body.lines().stream()
                                .map(line -> line.toBasketLine(programme.code()))
                                .toList(),
                        body.couponCodes(),
                        Money.of(body.totalPaid(), programme.code()),
                        actor)
                .offline(Boolean.TRUE.equals(body.offline()))
                .postAt(body.postAt() == null ? null : Times.instant("postAt", body.postAt()));
        return idempotent.respond(key, "POST purchases", body, () -> {
            PurchaseView created = PurchaseView.of(recorded(command, actor), programme.code());
            return Response.created(location.path(created.purchaseId()).build())
                    .entity(created)
                    .build();
        });
    }

    /** Records the purchase; an invalid coupon code counts towards the terminal's lock-out. */
    private PurchaseReceipt recorded(RecordPurchaseCommand command, Actor actor) {
        try {
            return recording.record(command);
        } catch (DomainException e) {
            if (RateLimits.isInvalidCoupon(e.code())) {
                limits.invalidCoupons(actor, 1);
            }
            throw e;
        }
    }

    @GET
    @Path("{purchaseId}")
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(
            operationId = "getPurchase",
            summary = "A recorded purchase",
            description = "Its lines, what each was discounted and how many units were given back; a terminal sees"
                    + " its store's purchases, a customer its own.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such purchase (purchase-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PurchaseView purchase(@PathParam("purchaseId") @Size(max = 64) String purchaseId) {
        return PurchaseView.of(query.purchase(PurchaseId.parse(purchaseId), caller.actor()));
    }

    @POST
    @Path("{purchaseId}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "reversePurchase",
            summary = "Void or refund a purchase, wholly or by lines",
            description = "The points the units earned are taken back pro rata (rounded in the customer's favour,"
                    + " exact once everything is back); points already spent are clawed back to zero and the rest"
                    + " recorded as debt. Once the whole purchase is back its coupons are usable again if still"
                    + " valid. Voiding a purchase already wholly reversed changes nothing.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReversalRequest.class),
                            examples = {
                                @ExampleObject(name = "Void", value = "{}"),
                                @ExampleObject(
                                        name = "Refund one unit of line 1",
                                        value =
                                                "{\"lines\": [{\"lineNumber\": 1, \"quantity\": 1}], \"reason\": \"refund\"}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "What this reversal gave back",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReversalView.class)))
    @APIResponse(
            responseCode = "422",
            description = "More units than are left (reversal-exceeds-purchase)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reverse(
            @PathParam("purchaseId") @Size(max = 64) String purchaseId,
            @Valid ReversalRequest body,
            @HeaderParam(IdempotentPosts.KEY_HEADER) String key) {
        ReversalRequest request = body == null ? new ReversalRequest(null, null) : body;
        PurchaseId id = PurchaseId.parse(purchaseId);
        List<LineReturn> lines = request.lines() == null
                ? List.of()
                : request.lines().stream()
                        .map(l -> new LineReturn(l.lineNumber(), l.quantity()))
                        .toList();
        ReversePurchaseCommand command = new ReversePurchaseCommand(id, lines, request.reason(), caller.actor());
        return idempotent.respond(key, "POST purchases/" + id + "/reversal", request, () -> Response.ok(
                        ReversalView.of(reversing.reverse(command)))
                .build());
    }

    @POST
    @Path("{purchaseId}/confirmation")
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "confirmPurchase",
            summary = "Confirm an order: its pending points become spendable now",
            description = "An order's points are pending (shown in the wallet, not spendable) while it can be"
                    + " cancelled or returned: until its postAt, or until it is confirmed here. A cancellation"
                    + " (the reversal) while pending voids them. No body; an Idempotency-Key makes a retry"
                    + " answer the first response again.")
    @APIResponse(
            responseCode = "200",
            description = "Posted: the points now in the wallet",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConfirmationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such purchase, or not the caller's store (purchase-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Cancelled or wholly returned while pending (purchase-cancelled), posted already"
                    + " (points-already-posted), or its points were never pending (purchase-not-pending)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(
            @PathParam("purchaseId") @Size(max = 64) String purchaseId,
            @HeaderParam(IdempotentPosts.KEY_HEADER) String key) {
        PurchaseId id = PurchaseId.parse(purchaseId);
        return idempotent.respond(key, "POST purchases/" + id + "/confirmation", "", () -> Response.ok(
                        ConfirmationView.of(confirming.confirm(id, caller.actor())))
                .build());
    }

    /** A confirmed order: the points posted, the spendable balance and what is still pending. */
    public record ConfirmationView(
            String purchaseId, String status, long pointsPosted, long walletBalance, long pending) {

        static ConfirmationView of(ConfirmPurchaseUseCase.Confirmation confirmation) {
            return new ConfirmationView(
                    confirmation.purchaseId().toString(),
                    "POSTED",
                    confirmation.posted(),
                    confirmation.walletBalance(),
                    confirmation.pending());
        }
    }
}
