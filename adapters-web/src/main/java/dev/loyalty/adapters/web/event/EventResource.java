package dev.loyalty.adapters.web.event;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.limit.RateLimits;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.event.EventAdministrationUseCases;
import dev.loyalty.application.event.EventReceipt;
import dev.loyalty.application.event.RecordEventCommand;
import dev.loyalty.application.event.RecordEventUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /events}: integrations (website, e-commerce, CRM) and the app (its own customer's
 * events) tell us what a customer did; rules and missions react shortly after, exactly once.
 */
@Path("events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    @Inject
    RecordEventUseCase events;

    @Inject
    EventAdministrationUseCases administration;

    @Inject
    Caller caller;

    @Inject
    RateLimits limits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.CUSTOMER, Roles.ADMIN})
    @Operation(
            operationId = "recordEvent",
            summary = "Tell what a customer did (customer by customerId, email or phone)")
    @APIResponse(responseCode = "202", description = "Taken in: ACCEPTED (rules react shortly) or PROSPECT")
    @APIResponse(responseCode = "200", description = "DUPLICATE: this eventId was taken in before; nothing again")
    @APIResponse(
            responseCode = "403",
            description = "Not the caller's customer, or a type the app may not post (event-type-not-app-postable)")
    @APIResponse(
            responseCode = "429",
            description = "The app posted more of this customer's events than the limit (rate-limited), Retry-After")
    public Response record(@NotNull @Valid EventRequest body) {
        limits.appEvent(caller.actor());
        EventReceipt receipt = events.record(new RecordEventCommand(
                body.eventId(),
                body.customerId(),
                body.email(),
                body.phone(),
                body.type(),
                body.occurredAt() == null ? null : Times.instant("occurredAt", body.occurredAt()),
                EventAttributes.plain(body.attributes()),
                caller.actor()));
        int status = receipt.status() == EventReceipt.Status.DUPLICATE ? 200 : 202;
        return Response.status(status).entity(EventView.of(receipt)).build();
    }

    @GET
    @Path("parked")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listParkedEvents",
            summary = "Events whose reactions failed for good (after retries), newest first")
    public EventView.ParkedList parked() {
        return new EventView.ParkedList(administration.parked(caller.actor()));
    }

    @POST
    @Path("{eventId}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retryParkedEvent", summary = "React again to a parked event")
    @APIResponse(responseCode = "204", description = "Due again")
    @APIResponse(responseCode = "404", description = "No parked event has this id (event-not-parked)")
    public Response retry(@PathParam("eventId") String eventId) {
        administration.retry(eventId, caller.actor());
        return Response.noContent().build();
    }
}
