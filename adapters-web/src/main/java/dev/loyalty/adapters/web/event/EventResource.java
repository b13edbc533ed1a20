package dev.loyalty.adapters.web.event;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.limit.RateLimits;
import dev.loyalty.adapters.web.problem.BatchItems;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.event.EventAdministrationUseCases;
import dev.loyalty.application.event.EventReceipt;
import dev.loyalty.application.event.RecordEventCommand;
import dev.loyalty.application.event.RecordEventUseCase;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Inject
    Validator validator;

    @Context
    Providers providers;

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
        EventReceipt receipt = events.record(command(body));
        return Response.status(status(receipt)).entity(EventView.of(receipt)).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "recordEventBatch",
            summary = "Tell what customers did, up to 500 events in one request (integrations)",
            description = "Each item is judged as POST /events would judge it and answered on its own; the ones"
                    + " taken in are kept in one transaction. 200 with one result per item {index, status,"
                    + " eventId, outcome?, customerId?, problem?}; only a batch that is not a list of 1 to 500"
                    + " events is refused whole.")
    @APIResponse(
            responseCode = "200",
            description = "Each item's answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventBatchView.class)))
    @APIResponse(
            responseCode = "422",
            description = "No items or more than 500 (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventBatchView batch(@NotNull @Valid EventBatchRequest body) {
        List<EventRequest> items = body.items();
        EventBatchView.Result[] results = new EventBatchView.Result[items.size()];
        List<RecordEventCommand> commands = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EventRequest item = items.get(i);
            try {
                if (item == null) {
                    throw new InvalidValueException("items", "an item is an event object, not null");
                }
                BatchItems.validate(validator, item);
                commands.add(command(item));
                positions.add(i);
            } catch (RuntimeException e) {
                results[i] = refused(i, item, e);
            }
        }
        List<RecordEventUseCase.BatchItem> recorded = commands.isEmpty() ? List.of() : events.recordAll(commands);
        for (int k = 0; k < recorded.size(); k++) {
            int i = positions.get(k);
            RecordEventUseCase.BatchItem item = recorded.get(k);
            if (item.refusal() != null) {
                results[i] = refused(i, items.get(i), item.refusal());
            } else {
                EventReceipt receipt = item.receipt();
                results[i] = new EventBatchView.Result(
                        i,
                        status(receipt),
                        receipt.eventId(),
                        receipt.status().name(),
                        receipt.customerId().map(CustomerId::toString).orElse(null),
                        null);
            }
        }
        return new EventBatchView(List.of(results));
    }

    private RecordEventCommand command(EventRequest body) {
        return new RecordEventCommand(
                body.eventId(),
                body.customerId(),
                body.email(),
                body.phone(),
                body.type(),
                body.occurredAt() == null ? null : Times.instant("occurredAt", body.occurredAt()),
                EventAttributes.plain(body.attributes()),
                caller.actor());
    }

    private static int status(EventReceipt receipt) {
        return receipt.status() == EventReceipt.Status.DUPLICATE ? 200 : 202;
    }

    /** What the service's exception mappers make of a refusal, as one item's answer. */
    private EventBatchView.Result refused(int index, EventRequest item, RuntimeException failure) {
        Response answer = BatchItems.refusal(providers, failure);
        return new EventBatchView.Result(
                index, answer.getStatus(), item == null ? null : item.eventId(), null, null, answer.getEntity());
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
