package dev.loyalty.adapters.web.tier;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.tier.ReviewTiersUseCase;
import dev.loyalty.application.tier.TierProgrammeUseCases;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierProgramme;
import dev.loyalty.domain.tier.TierProgrammeMissingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /tiers}: the tier programme (set by the console, read by anyone) and its review. */
@Path("tiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tiers")
public class TierResource {

    @Inject
    TierProgrammeUseCases programmes;

    @Inject
    ReviewTiersUseCase reviews;

    @Inject
    Caller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "saveTierProgramme",
            summary = "Set the tier programme",
            description = "Ordered tiers on one metric over a rolling window of calendar months (UTC): POINTS_EARNED"
                    + " (points awarded by purchases, less refunds) or NET_SPEND (cents paid after coupons, less"
                    + " refunds), never the spendable balance. Customers move up as soon as a threshold is crossed (in"
                    + " the purchase that crosses it) and down only at their review date (reviewMonths after reaching"
                    + " or renewing a tier, default windowMonths) once graceDays have passed below the threshold, one"
                    + " tier at a time unless downgradeOneStep is false. A customer keeps their tier if the new"
                    + " programme has one of that name; otherwise they are placed by their metric.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TierProgrammeRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Bronze, Silver from 500 EUR, Gold from 1,000 EUR a year",
                                            value =
                                                    """
                    {"metric": "NET_SPEND", "windowMonths": 12, "graceDays": 30,
                     "tiers": [{"name": "Bronze", "threshold": 0, "earnMultiplier": 1},
                               {"name": "Silver", "threshold": 50000, "earnMultiplier": 1.5},
                               {"name": "Gold", "threshold": 100000, "earnMultiplier": 2}]}""")))
    @APIResponse(
            responseCode = "200",
            description = "The programme as set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TierProgrammeView.class)))
    @APIResponse(
            responseCode = "422",
            description = "A field is not valid (validation-failed, naming it, e.g. tiers[1].threshold)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TierProgrammeView define(@NotNull @Valid TierProgrammeRequest body) {
        TierProgramme programme = TierProgramme.define(
                Choices.of(TierMetric.class, "metric", body.metric()),
                body.windowMonths(),
                body.graceDays(),
                body.reviewMonths(),
                body.downgradeOneStep(),
                body.tiers().stream()
                        .map(t -> new TierProgramme.TierDefinition(t.name(), t.threshold(), t.earnMultiplier()))
                        .toList());
        return TierProgrammeView.of(programmes.define(programme, caller.actor()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TERMINAL, Roles.CUSTOMER, Roles.INTEGRATION})
    @Operation(operationId = "getTierProgramme", summary = "The tier programme in force (its rules are no secret)")
    @APIResponse(
            responseCode = "200",
            description = "The programme in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TierProgrammeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No programme was set yet (tier-programme-missing)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TierProgrammeView current() {
        return programmes
                .current(caller.actor())
                .map(TierProgrammeView::of)
                .orElseThrow(() -> new TierProgrammeMissingException("no tier programme was set yet"));
    }

    @POST
    @Path("review")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviewTiers",
            summary = "Run the tier review as of an instant",
            description = "Every customer, set-based, in batches: upgrades whoever reached a higher tier, renews"
                    + " tiers whose threshold is met at their review date, and takes down one tier those still below"
                    + " it once the grace period has passed. The scheduled review runs daily; this runs it now, or as"
                    + " of another instant (at, ISO-8601). A run is known by its instant: called again it goes on"
                    + " where it stopped, and a finished one answers its totals without doing anything again.")
    public ReviewView review(
            @Parameter(description = "the instant the review stands for; now when absent")
                    @QueryParam("at")
                    @Size(max = 40)
                    String at) {
        return ReviewView.of(reviews.review(at == null ? null : Times.instant("at", at), caller.actor()));
    }
}
