package dev.loyalty.adapters.web.retention;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.privacy.PurgeExpiredDataUseCase;
import dev.loyalty.application.privacy.PurgeReport;
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

/** {@code POST /data-retention/purges}: the console runs the daily retention purge now. */
@Path("data-retention/purges")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Security")
public class DataRetentionResource {

    @Inject
    PurgeExpiredDataUseCase purges;

    @Inject
    Caller caller;

    @POST
    @Operation(
            operationId = "purgeExpiredData",
            summary = "Run the retention purge now (it also runs every day at 04:07 UTC)",
            description = "Deletes the events of contacts that never enrolled, customers' events, the verdicts"
                    + " that fired nothing and the messages' history past their periods (LOYALTY_RETENTION_*),"
                    + " and erases old messages' texts. Ledger, purchases, coupons, campaign members and"
                    + " fired verdicts are kept. Takes no body.")
    @APIResponse(
            responseCode = "200",
            description = "What was removed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurgeReport.class)))
    public PurgeReport purge() {
        return purges.purge(caller.actor());
    }
}
