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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's missions with progress, for the console and the till. */
@Path("customers/{customerId}/missions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Missions")
public class CustomerMissionsResource {

    @Inject
    MissionUseCases missions;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TERMINAL})
    @Operation(operationId = "listCustomerMissions", summary = "A customer's missions with progress")
    public MissionView.MissionList ofCustomer(@PathParam("customerId") String customerId) {
        return of(CustomerId.parseDesignating(customerId, "no customer has this id"));
    }

    private MissionView.MissionList of(CustomerId customer) {
        return new MissionView.MissionList(missions.progressOf(customer, caller.actor()).stream()
                .map(MissionView::of)
                .toList());
    }
}
