package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.application.checkout.PostPendingPointsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console runs the posting of due pending points now, as the scheduled job does every 5 minutes
 * (safe beside it and beside confirmations and cancellations: each order resolves once).
 */
@Path("pending-points/postings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Purchases")
public class PendingPointsResource {

    @Inject
    PostPendingPointsUseCase job;

    /**
     * @param at the instant it posted what was due at
     * @param purchases how many orders' points it posted
     * @param points how many points
     * @param failed how many postings failed (the next run tries them again)
     */
    public record PostingRun(String at, int purchases, long points, int failed) {}

    @POST
    @Operation(
            operationId = "postDuePendingPoints",
            summary = "Post the pending points whose postAt has come, now",
            description = "What the job does every 5 minutes: each order whose points are still pending and due is"
                    + " credited once, in its own transaction. No body.")
    @APIResponse(
            responseCode = "200",
            description = "What the run posted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostingRun.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an administrator (forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PostingRun run() {
        PostPendingPointsUseCase.Run run = job.run();
        return new PostingRun(run.at().toString(), run.purchases(), run.points(), run.failed());
    }
}
