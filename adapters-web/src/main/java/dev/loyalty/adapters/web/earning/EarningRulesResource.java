package dev.loyalty.adapters.web.earning;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.checkout.EarningRulesUseCases;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PointsRounding;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /earning-rules}: how purchases earn points, versioned. A purchase is scored by the version
 * in force when it occurred; a change is a new version from now or later.
 */
@Path("earning-rules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Earning rules")
public class EarningRulesResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    EarningRulesUseCases rules;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "listEarningRules",
            summary = "The earning rules in force now and every version, oldest first")
    public EarningRulesView.History history() {
        var actor = caller.actor();
        return new EarningRulesView.History(
                EarningRulesView.of(rules.current(actor)),
                rules.history(actor).versions().stream()
                        .map(EarningRulesView::of)
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "scheduleEarningRules",
            summary = "Add a version of the earning rules",
            description = "Takes effect at effectiveFrom (now when absent; never in the past, so points already"
                    + " earned never change).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EarningRulesRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Double points on fresh food, none on tobacco",
                                            value =
                                                    """
                    {"pointsPerCurrencyUnit": 1, "categoryMultipliers": {"fresh-food": 200},
                     "excludedCategories": ["tobacco"], "rounding": "FLOOR"}""")))
    @APIResponse(
            responseCode = "201",
            description = "The version added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EarningRulesView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A version already takes effect at that instant (earning-rules-conflict)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response schedule(@NotNull @Valid EarningRulesRequest body) {
        Instant from =
                body.effectiveFrom() == null ? rules.now() : Times.instant("effectiveFrom", body.effectiveFrom());
        Map<String, Integer> multipliers = body.categoryMultipliers() == null ? Map.of() : body.categoryMultipliers();
        Set<String> excluded = body.excludedCategories() == null ? Set.of() : new TreeSet<>(body.excludedCategories());
        EarningRules version = new EarningRules(
                body.pointsPerCurrencyUnit(),
                multipliers,
                excluded,
                body.rounding() == null
                        ? PointsRounding.FLOOR
                        : Choices.of(PointsRounding.class, "rounding", body.rounding()),
                programme.currency(),
                from);
        return Response.status(Response.Status.CREATED)
                .entity(EarningRulesView.of(rules.schedule(version, caller.actor())))
                .build();
    }
}
