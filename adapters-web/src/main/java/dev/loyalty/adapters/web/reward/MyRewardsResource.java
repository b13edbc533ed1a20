package dev.loyalty.adapters.web.reward;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.idempotency.IdempotentPosts;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.reward.RewardUseCases;
import dev.loyalty.domain.reward.RewardId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /me/rewards/{id}/claim}: the app spends the customer's points on a reward. */
@Path("me/rewards")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards")
public class MyRewardsResource {

    @Inject
    RewardUseCases rewards;

    @Inject
    IdempotentPosts idempotent;

    @Inject
    Caller caller;

    @POST
    @Path("{rewardId}/claim")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(
            operationId = "claimReward",
            summary = "Claim a reward",
            description = "Burns its cost from my points and issues me the coupon, in one transaction. With an"
                    + " Idempotency-Key a retry gets the same coupon back instead of paying twice.")
    @APIResponse(
            responseCode = "201",
            description = "The coupon and the balance left",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not enough points (insufficient-points)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such active reward (reward-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response claim(
            @PathParam("rewardId") @Size(max = 64) String rewardId,
            @HeaderParam(IdempotentPosts.KEY_HEADER) String key) {
        RewardId id = RewardId.parse(rewardId);
        return idempotent.respond(
                key, "POST me/rewards/" + id + "/claim", "", () -> Response.status(Response.Status.CREATED)
                        .entity(ClaimView.of(rewards.claim(id, caller.actor())))
                        .build());
    }
}
