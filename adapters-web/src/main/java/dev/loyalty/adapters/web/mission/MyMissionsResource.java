package dev.loyalty.adapters.web.mission;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.mission.MissionUseCases;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer's missions with progress. */
@Path("me/missions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Missions")
public class MyMissionsResource {

    @Inject
    MissionUseCases missions;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(
            operationId = "listMyMissions",
            summary = "My missions: the active ones and those I completed, with progress")
    public MissionView.MissionList mine() {
        return of(caller.customerId());
    }

    private MissionView.MissionList of(CustomerId customer) {
        return new MissionView.MissionList(missions.progressOf(customer, caller.actor()).stream()
                .map(MissionView::of)
                .toList());
    }
}
