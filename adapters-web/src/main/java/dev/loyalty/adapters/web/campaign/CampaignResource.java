package dev.loyalty.adapters.web.campaign;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.campaign.CampaignUseCases;
import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.CampaignRunNotFoundException;
import dev.loyalty.domain.campaign.CampaignTransition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's campaigns: define a draft, change it, launch, pause or cancel it, run it now and
 * follow the run's progress. The definition is the README's "Campaigns"; a bad node is a 422 {@code
 * campaign-invalid} naming its JSON path; a transition the status does not allow a 409 {@code
 * campaign-state-conflict}.
 */
@Path("campaigns")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Campaigns")
public class CampaignResource {

    private static final String EXAMPLE =
            """
            {"name": "Christmas 2026", "objective": "Bring lapsed customers back", "type": "CALENDAR",
             "audience": {"segmentId": "0b7c7c1e-3c5e-4f0a-9d3e-111111111111"}, "holdoutPercent": 10,
             "offer": {"templateId": "0b7c7c1e-3c5e-4f0a-9d3e-222222222222"},
             "message": {"channel": "SMS", "template": "Merry Christmas {firstName}: {couponCode}"},
             "schedule": {"at": "2026-12-20T09:00:00Z"}, "attributionDays": 14, "budget": {"maxCoupons": 5000}}""";

    @Inject
    CampaignUseCases campaigns;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "defineCampaign", summary = "Save a campaign as a draft")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "A Christmas calendar campaign", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The draft")
    @APIResponse(responseCode = "422", description = "campaign-invalid, with the path of the bad node")
    public Response define(String body, @Context UriInfo uri) {
        Campaign campaign = campaigns.define(body, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(campaign.id().toString())
                        .build())
                .entity(CampaignViews.CampaignView.of(campaign))
                .build();
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "Every campaign, newest first")
    public CampaignViews.CampaignList all() {
        return new CampaignViews.CampaignList(campaigns.campaigns(caller.actor()).stream()
                .map(CampaignViews.CampaignView::of)
                .toList());
    }

    @GET
    @Path("{campaignId}")
    @Operation(operationId = "getCampaign", summary = "One campaign with its definition and status")
    @APIResponse(responseCode = "404", description = "campaign-not-found")
    public CampaignViews.CampaignView one(@PathParam("campaignId") String campaignId) {
        return CampaignViews.CampaignView.of(campaigns.campaign(CampaignId.parse(campaignId), caller.actor()));
    }

    @PUT
    @Path("{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCampaign", summary = "Replace a draft's definition")
    @APIResponse(responseCode = "409", description = "campaign-state-conflict: only a draft changes")
    public CampaignViews.CampaignView change(@PathParam("campaignId") String campaignId, String body) {
        return CampaignViews.CampaignView.of(campaigns.change(CampaignId.parse(campaignId), body, caller.actor()));
    }

    @POST
    @Path("{campaignId}/launch")
    @Operation(
            operationId = "launchCampaign",
            summary = "Launch a draft (or a paused campaign): SCHEDULED, its slots due from now")
    @APIResponse(responseCode = "409", description = "campaign-state-conflict")
    public CampaignViews.CampaignView launch(@PathParam("campaignId") String campaignId) {
        return transition(campaignId, CampaignTransition.LAUNCH);
    }

    @POST
    @Path("{campaignId}/pause")
    @Operation(operationId = "pauseCampaign", summary = "Pause a launched campaign (a run stops at its next page)")
    @APIResponse(responseCode = "409", description = "campaign-state-conflict")
    public CampaignViews.CampaignView pause(@PathParam("campaignId") String campaignId) {
        return transition(campaignId, CampaignTransition.PAUSE);
    }

    @POST
    @Path("{campaignId}/cancel")
    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign for good")
    @APIResponse(responseCode = "409", description = "campaign-state-conflict: completed or cancelled already")
    public CampaignViews.CampaignView cancel(@PathParam("campaignId") String campaignId) {
        return transition(campaignId, CampaignTransition.CANCEL);
    }

    /** The three paths stay three documented operations; what they ask is one command. */
    private CampaignViews.CampaignView transition(String campaignId, CampaignTransition transition) {
        return CampaignViews.CampaignView.of(
                campaigns.transition(CampaignId.parse(campaignId), transition, caller.actor()));
    }

    @POST
    @Path("{campaignId}/runs")
    @Operation(
            operationId = "runCampaignNow",
            summary = "Run a launched campaign now (the run goes on in the background; follow its progress)")
    @APIResponse(responseCode = "202", description = "{runId}")
    @APIResponse(responseCode = "409", description = "campaign-state-conflict: not launched, paused or over")
    public Response run(@PathParam("campaignId") String campaignId, @Context UriInfo uri) {
        UUID runId = campaigns.startRun(CampaignId.parse(campaignId), caller.actor());
        return Response.accepted(new CampaignViews.RunStarted(runId.toString()))
                .location(uri.getAbsolutePathBuilder().path(runId.toString()).build())
                .build();
    }

    @GET
    @Path("{campaignId}/runs")
    @Operation(
            operationId = "listCampaignRuns",
            summary =
                    "The campaign's latest runs with their progress, newest first (scheduled, daily and run-now alike)")
    @APIResponse(
            responseCode = "200",
            description = "The runs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CampaignViews.RunList.class)))
    @APIResponse(responseCode = "404", description = "campaign-not-found")
    @APIResponse(responseCode = "422", description = "limit not between 1 and 100 (code validation-failed)")
    public CampaignViews.RunList runs(
            @PathParam("campaignId") String campaignId, @QueryParam("limit") @DefaultValue("20") int limit) {
        Instant now = clock.instant();
        return new CampaignViews.RunList(campaigns.runs(CampaignId.parse(campaignId), limit, caller.actor()).stream()
                .map(run -> CampaignViews.RunView.of(run, now))
                .toList());
    }

    @GET
    @Path("{campaignId}/runs/{runId}")
    @Operation(operationId = "getCampaignRun", summary = "A run's progress: counts, percent and estimated seconds left")
    @APIResponse(
            responseCode = "200",
            description = "The run's progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CampaignViews.RunView.class)))
    @APIResponse(responseCode = "404", description = "campaign-not-found or campaign-run-not-found")
    public CampaignViews.RunView runProgress(
            @PathParam("campaignId") String campaignId, @PathParam("runId") String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId.strip());
        } catch (IllegalArgumentException e) {
            throw new CampaignRunNotFoundException("no run has this id");
        }
        return CampaignViews.RunView.of(
                campaigns.run(CampaignId.parse(campaignId), id, caller.actor()), clock.instant());
    }
}
