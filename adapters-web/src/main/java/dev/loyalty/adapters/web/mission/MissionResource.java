package dev.loyalty.adapters.web.mission;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.mission.ExplainMissionQuery;
import dev.loyalty.application.mission.MissionUseCases;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's missions. */
@Path("missions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Missions")
public class MissionResource {

    @Inject
    MissionUseCases missions;

    @Inject
    ExplainMissionQuery explainer;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMission", summary = "Define a mission: a goal that earns points")
    @APIResponse(responseCode = "201", description = "Defined: {missionId, ...}")
    public Response define(@NotNull @Valid MissionRequest body, @Context UriInfo uri) {
        Mission mission = missions.define(body.toMission(clock.instant()), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(mission.id().toString())
                        .build())
                .entity(MissionView.of(mission))
                .build();
    }

    @GET
    @Operation(operationId = "listMissions", summary = "Every mission, active first")
    public MissionView.MissionList all() {
        return new MissionView.MissionList(
                missions.missions(caller.actor()).stream().map(MissionView::of).toList());
    }

    @GET
    @Path("{missionId}")
    @Operation(operationId = "getMission", summary = "One mission")
    public MissionView one(@PathParam("missionId") String missionId) {
        return MissionView.of(missions.mission(MissionId.parse(missionId), caller.actor()));
    }

    @GET
    @Path("{missionId}/explanation")
    @Operation(
            operationId = "explainMission",
            summary = "Why a customer's latest events did (not) count for a mission, judged by their occurredAt")
    public MissionExplanationView explain(
            @PathParam("missionId") String missionId,
            @QueryParam("customerId") String customerId,
            @QueryParam("limit") Integer limit) {
        if (customerId == null || customerId.isBlank()) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        return MissionExplanationView.of(explainer.explain(
                MissionId.parse(missionId),
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                limit == null ? 20 : limit,
                caller.actor()));
    }

    @DELETE
    @Path("{missionId}")
    @Operation(
            operationId = "endMission",
            summary = "End a mission: events no longer count; completions and points stay")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response end(@PathParam("missionId") String missionId) {
        missions.end(MissionId.parse(missionId), caller.actor());
        return Response.noContent().build();
    }
}
