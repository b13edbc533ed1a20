package dev.loyalty.adapters.web.token;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.token.RevokeTokenCommand;
import dev.loyalty.application.token.RevokeTokenUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /token-revocations}: a stolen till or a leaked token is shut out without waiting for its expiry. */
@Path("token-revocations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Security")
public class TokenRevocationResource {

    @Inject
    RevokeTokenUseCase revocations;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke one token (jti) or every token of a subject issued until now",
            description = "This instance refuses the tokens at once, every other instance within its refresh"
                    + " interval (LOYALTY_TOKENS_REVOCATION_REFRESH_SECONDS, default 5 s). A subject's token"
                    + " issued after the revocation (the terminal provisioned again) is accepted.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RevocationRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "A stolen till",
                                        value = "{\"subject\": \"till-MI-001-3\", \"reason\": \"stolen (case 881)\"}"),
                                @ExampleObject(
                                        name = "One leaked token",
                                        value = "{\"jti\": \"6f1c2a4e-1d0b-4c55-9a7e-3b1f0f7c2d11\"}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The revocation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RevocationView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Neither or both of jti and subject, or a value that is no token id (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@NotNull @Valid RevocationRequest body) {
        var revocation =
                revocations.revoke(new RevokeTokenCommand(body.jti(), body.subject(), body.reason(), caller.actor()));
        return Response.status(201).entity(RevocationView.of(revocation)).build();
    }
}
