package dev.loyalty.adapters.web.messaging;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.messaging.MessageNotFoundException;
import dev.loyalty.application.messaging.MessagesQuery;
import dev.loyalty.application.messaging.RetryMessageUseCase;
import dev.loyalty.domain.messaging.MessageStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's messages: by status (FAILED: the dead letters), one by id, and the retry of a dead letter. */
@Path("messages")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessagesResource {

    @Inject
    MessagesQuery messages;

    @Inject
    RetryMessageUseCase retries;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listMessages",
            summary = "Messages in one status, newest first (default FAILED: the dead letters)")
    public List<MessageView> withStatus(
            @QueryParam("status") @DefaultValue("FAILED") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return messages.withStatus(Choices.of(MessageStatus.class, "status", status), limit, caller.actor()).stream()
                .map(MessageView::of)
                .toList();
    }

    @GET
    @Path("{messageId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getMessage", summary = "One message with its history")
    public MessageView byId(@PathParam("messageId") String messageId) {
        return MessageView.of(messages.byId(id(messageId), caller.actor()));
    }

    @POST
    @Path("{messageId}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retryMessage",
            summary = "Queue a dead letter again",
            description = "Only a FAILED message (409 message-not-retryable otherwise); it gets a fresh set of"
                    + " attempts and is judged again (consent, pressure) when sent.")
    public MessageView retry(@PathParam("messageId") String messageId) {
        return MessageView.of(retries.retry(id(messageId), caller.actor()));
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new MessageNotFoundException();
        }
    }
}
