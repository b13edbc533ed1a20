package dev.loyalty.adapters.web.campaign.evaluation;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.campaign.evaluation.CampaignEvaluationUseCases;
import dev.loyalty.domain.campaign.CampaignNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /campaigns/{campaignId}/evaluation}: the campaign judged against its control group, as
 * JSON (the default) or as CSV ({@code Accept: text/csv}). Computed when asked, over each member's
 * attribution window; the README's "Campaign evaluation" states the formulas.
 */
@Path("campaigns/{campaignId}/evaluation")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Campaign evaluation")
public class CampaignEvaluationResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final List<Variant> VARIANTS =
            Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV_TYPE).build();

    @Inject
    CampaignEvaluationUseCases evaluations;

    @Inject
    Caller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            operationId = "evaluateCampaign",
            summary = "The campaign against its control group (JSON; text/csv for a spreadsheet)",
            description = "Per group: customers, contacted (per channel), suppressed (per reason), coupons issued"
                    + " and redeemed, responders (a purchase within attributionDays of contact; for a product or"
                    + " category campaign one including it), conversion rate, revenue (paid less reversed), revenue"
                    + " per customer and average basket. The uplift of conversion (difference of proportions,"
                    + " Wald 95% interval) and of revenue per customer (Welch 95% interval), incremental revenue"
                    + " (uplift x treatment size), cost (discounts granted + points at their value) and return"
                    + " ((incremental revenue - cost) / cost). Money in cents; an undefined figure is null.")
    @APIResponse(
            responseCode = "200",
            description = "The evaluation",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = EvaluationView.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such campaign (campaign-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an administrator (forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evaluate(@PathParam("campaignId") String campaignId, @Context Request request) {
        EvaluationView view = EvaluationView.of(evaluations.evaluate(campaignId(campaignId), caller.actor()));
        Variant chosen = request.selectVariant(VARIANTS);
        if (chosen != null && chosen.getMediaType().isCompatible(CSV_TYPE)) {
            return Response.ok(EvaluationCsv.of(view), CSV_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"campaign-" + view.campaignId() + ".csv\"")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** @return the id; a text that is no UUID names no campaign */
    static UUID campaignId(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new CampaignNotFoundException("no campaign has this id");
        }
    }
}
