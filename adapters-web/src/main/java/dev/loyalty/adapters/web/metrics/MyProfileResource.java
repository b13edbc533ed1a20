package dev.loyalty.adapters.web.metrics;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.metrics.CustomerProfileQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /me/profile}: the part of the single customer view the customer sees (the app). */
@Path("me/profile")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Me (the app)")
public class MyProfileResource {

    @Inject
    CustomerProfileQuery profiles;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getMyMetricsProfile",
            summary = "My spend, visits, favourite categories and home store",
            description = "Over the programme's window (windowMonths) and over my whole history; my favourite"
                    + " categories by spend with their share. No scores.")
    @APIResponse(
            responseCode = "200",
            description = "My view",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MyProfileView.class)))
    @APIResponse(
            responseCode = "404",
            description = "The token's customer is not enrolled (customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MyProfileView myProfile() {
        return MyProfileView.of(profiles.myProfile(caller.actor()));
    }
}
