package dev.loyalty.adapters.web.metrics;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.metrics.CustomerProfile;
import dev.loyalty.application.metrics.CustomerProfileQuery;
import dev.loyalty.application.question.AnswerUseCases;
import dev.loyalty.application.segment.SegmentMembership;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /customers/{id}/profile}: the single customer view (console), as {@code GET /customers/{id}} is. */
@Path("customers/{customerId}/profile")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Customer metrics")
public class CustomerProfileResource {

    @Inject
    CustomerProfileQuery profiles;

    @Inject
    SegmentMembership segments;

    @Inject
    AnswerUseCases answers;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getCustomerProfile",
            summary = "A customer's single view: metrics, RFM, categories, last purchases",
            description = "Recency (days since the last purchase, as of now), frequency (receipts), monetary (cents"
                    + " paid less refunds), average basket and visits per month over the window (windowMonths,"
                    + " default 12); lifetime value and visits; home store (most visits); RFM quintile scores 1-5 among"
                    + " the customers active in the window (as of the last rebuild); engagement (weighted events in the"
                    + " window); spend, share and last purchase per category; the last purchase of each SKU, most recent"
                    + " first (at most 50); the saved segments the customer is in now and their answers to the programme's"
                    + " questions. Kept current by every purchase, reversal and import; a customer without"
                    + " purchases has zeros and no dates.")
    @APIResponse(
            responseCode = "200",
            description = "The customer's view",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No customer has this id (customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView profile(@PathParam("customerId") @Size(max = 64) String customerId) {
        CustomerId id = CustomerId.parseDesignating(customerId, "no customer has this id");
        CustomerProfile profile = profiles.profile(id, caller.actor());
        return ProfileView.of(profile, segments.segmentsOf(id, clock.instant()), answers.answersOf(id, caller.actor()));
    }
}
