package dev.loyalty.adapters.web.wallet;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.wallet.AdjustPointsCommand;
import dev.loyalty.application.wallet.AdjustPointsUseCase;
import dev.loyalty.application.wallet.WalletQuery;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's view of a customer's points, and manual adjustments. */
@Path("customers/{customerId}/wallet")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallet")
public class CustomerWalletResource {

    @Inject
    WalletQuery wallets;

    @Inject
    AdjustPointsUseCase adjustments;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getCustomerWallet", summary = "A customer's points (console)")
    public WalletView ofCustomer(
            @PathParam("customerId") String customerId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return WalletView.of(wallets.statement(CustomerId.parse(customerId), caller.actor(), page, size));
    }

    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "adjustCustomerPoints",
            summary = "Adjust a customer's points by hand (console)",
            description = "A goodwill credit or a"
                    + " correction; a debit may not take the balance below zero (insufficient-points).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdjustmentRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Goodwill credit",
                                            value =
                                                    "{\"points\": 200, \"reason\": \"Sorry for the wait at the till\", \"reference\": \"CASE-1042\"}")))
    public Response adjust(@PathParam("customerId") String customerId, @NotNull @Valid AdjustmentRequest body) {
        var statement = adjustments.adjust(new AdjustPointsCommand(
                CustomerId.parse(customerId), body.points(), body.reason(), body.reference(), caller.actor()));
        return Response.status(Response.Status.CREATED)
                .entity(WalletView.of(statement))
                .build();
    }
}
