package dev.loyalty.adapters.web.messaging;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.messaging.StaffCall;
import dev.loyalty.application.messaging.StaffCallList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's call list: the STAFF_CALL messages for its personal shopper to phone, and the calls made. */
@Path("stores/{storeId}/call-list")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class CallListResource {

    @Inject
    StaffCallList calls;

    @Inject
    Caller caller;

    /** One call to make. */
    public record CallView(
            String messageId,
            String customerId,
            String firstName,
            String lastName,
            String phone,
            String text,
            Instant since) {

        static CallView of(StaffCall call) {
            return new CallView(
                    call.messageId().toString(),
                    call.customerId().toString(),
                    call.firstName(),
                    call.lastName().orElse(null),
                    call.phone(),
                    call.text(),
                    call.since());
        }
    }

    /** What came of a call. */
    public record CalledRequest(@Size(max = 200) String note) {}

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TERMINAL})
    @Operation(
            operationId = "getStoreCallList",
            summary = "The store's calls to make, oldest first (the console, or a terminal of that store)")
    public List<CallView> callList(@PathParam("storeId") String storeId) {
        return calls.callList(storeId, caller.actor()).stream()
                .map(CallView::of)
                .toList();
    }

    @POST
    @Path("{messageId}/called")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.TERMINAL})
    @Operation(operationId = "markCalled", summary = "The call was made: the message is DELIVERED")
    public Response called(
            @PathParam("storeId") String storeId, @PathParam("messageId") String messageId, CalledRequest body) {
        calls.called(storeId, MessagesResource.id(messageId), body == null ? null : body.note(), caller.actor());
        return Response.noContent().build();
    }
}
