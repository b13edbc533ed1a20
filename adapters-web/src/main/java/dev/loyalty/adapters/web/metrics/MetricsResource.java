package dev.loyalty.adapters.web.metrics;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.metrics.RebuildMetricsUseCase;
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

/** {@code /metrics/rebuild}: the nightly rebuild of every customer's metrics, now (console). */
@Path("metrics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer metrics")
public class MetricsResource {

    @Inject
    RebuildMetricsUseCase rebuilds;

    @Inject
    Caller caller;

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "rebuildCustomerMetrics",
            summary = "Rebuild every customer's metrics now",
            description = "Set-based over all purchases, in batches of 5,000 customers: the RFM quintile cut points"
                    + " among the customers active in the window, then every customer's metrics, categories, SKUs and"
                    + " engagement. Answers when done; one rebuild at a time across the cluster.")
    @APIResponse(
            responseCode = "200",
            description = "Rebuilt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another rebuild is running (metrics-rebuild-running)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildView rebuild() {
        return RebuildView.of(rebuilds.rebuild(caller.actor()));
    }
}
