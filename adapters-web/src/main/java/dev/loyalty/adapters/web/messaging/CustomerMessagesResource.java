package dev.loyalty.adapters.web.messaging;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.messaging.MessagesQuery;
import dev.loyalty.application.messaging.SendMessageCommand;
import dev.loyalty.application.messaging.SendMessageUseCase;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's view of one customer's messages, and a message sent by hand. */
@Path("customers/{customerId}/messages")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class CustomerMessagesResource {

    @Inject
    MessagesQuery messages;

    @Inject
    SendMessageUseCase sending;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listCustomerMessages",
            summary = "A customer's messages, newest first, with status and history (console)",
            description = "Status: QUEUED, SENT, DELIVERED, FAILED (a dead letter) or SUPPRESSED, with the reason.")
    public List<MessageView> ofCustomer(
            @PathParam("customerId") String customerId, @QueryParam("limit") @DefaultValue("50") int limit) {
        return messages
                .ofCustomer(CustomerId.parseDesignating(customerId, "no customer has this id"), limit, caller.actor())
                .stream()
                .map(MessageView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "sendCustomerMessage",
            summary = "Send a customer a message (console)",
            description = "Queued and sent like any other: a marketing message needs the customer's consent"
                    + " for its channel and counts against the pressure caps; a transactional one does not.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SendMessageRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Welcome SMS",
                                            value = "{\"channel\": \"SMS\", \"template\": \"Hi {firstName}, your"
                                                    + " welcome coupon {couponCode} waits in the app: {appLink}\","
                                                    + " \"values\": {\"couponCode\": \"K7P2QX9M4\"}}")))
    public Response send(@PathParam("customerId") String customerId, @NotNull @Valid SendMessageRequest body) {
        Optional<Channel> channel = Optional.ofNullable(Choices.of(Channel.class, "channel", body.channel()));
        var record = sending.send(new SendMessageCommand(
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                channel,
                body.template(),
                body.values(),
                Boolean.TRUE.equals(body.transactional()),
                body.priority() == null ? 0 : body.priority(),
                caller.actor()));
        return Response.created(
                        URI.create("/api/v1/messages/" + record.message().id()))
                .entity(MessageView.of(record))
                .build();
    }
}
