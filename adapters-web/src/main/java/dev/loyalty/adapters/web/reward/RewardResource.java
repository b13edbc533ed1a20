package dev.loyalty.adapters.web.reward;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.reward.RewardUseCases;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.shared.Points;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /rewards}: the catalogue of what points buy; the console defines it, everyone reads it. */
@Path("rewards")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards")
public class RewardResource {

    @Inject
    RewardUseCases rewards;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createReward", summary = "Define a reward: points buy a personal coupon from a template")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "5 EUR for 500 points",
                                            value =
                                                    """
                    {"name": "5 EUR off your next shop", "pointsCost": 500,
                     "templateId": "0b6f5f8e-8a53-4d8e-9d0c-3f3c1b2a9e10"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Defined",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such template (coupon-template-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response define(@NotNull @Valid RewardRequest body, @Context UriInfo uri) {
        Reward reward = rewards.define(
                body.name(),
                Points.of(body.pointsCost()),
                CouponTemplateId.parse(body.templateId()),
                body.tiers() == null ? Set.of() : Set.copyOf(body.tiers()),
                caller.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(reward.id().toString())
                        .build())
                .entity(RewardView.of(reward))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER, Roles.TERMINAL, Roles.INTEGRATION})
    @Operation(
            operationId = "listRewards",
            summary = "The rewards customers can claim now (the console also sees inactive ones)")
    public RewardView.RewardList catalogue() {
        return new RewardView.RewardList(
                rewards.catalogue(caller.actor()).stream().map(RewardView::of).toList());
    }
}
