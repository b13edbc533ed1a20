package dev.loyalty.adapters.web.tier;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.application.tier.OverrideTierCommand;
import dev.loyalty.application.tier.OverrideTierUseCase;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierProgrammeMissingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /customers/{id}/tier}: the console reads a customer's standing and overrides it. */
@Path("customers/{customerId}/tier")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Tiers")
public class CustomerTierResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    TierQuery tiers;

    @Inject
    OverrideTierUseCase overrides;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getCustomerTier", summary = "Where a customer stands in the tier programme (console)")
    public TierView standing(@PathParam("customerId") @Size(max = 64) String customerId) {
        return tiers.standing(CustomerId.parseDesignating(customerId, "no customer has this id"), caller.actor())
                .map(standing -> TierView.of(standing, programme.code()))
                .orElseThrow(() -> new TierProgrammeMissingException("no tier programme was set yet"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "overrideCustomerTier",
            summary = "Set a customer's tier by hand",
            description = "Audited: who (the token's subject), when and why are kept in the tier history, and"
                    + " TIER_CHANGED is published when the tier changes. With until, the tier is held regardless"
                    + " of the customer's activity until then and reviewed then; without, it is reviewed a review"
                    + " period later and moves up as usual.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OverrideRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "A status match",
                                            value =
                                                    """
                    {"tier": "Gold", "reason": "Status match: Gold at a partner chain (case 5521)",
                     "until": "2027-01-01T00:00:00Z"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The customer's standing after it",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierView.class)))
    @APIResponse(
            responseCode = "422",
            description = "An unknown tier or a hold not in the future (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TierView override(
            @PathParam("customerId") @Size(max = 64) String customerId, @NotNull @Valid OverrideRequest body) {
        OverrideTierCommand command = new OverrideTierCommand(
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                body.tier(),
                body.reason(),
                body.until() == null ? null : Times.instant("until", body.until()),
                caller.actor());
        return TierView.of(overrides.override(command), programme.code());
    }
}
