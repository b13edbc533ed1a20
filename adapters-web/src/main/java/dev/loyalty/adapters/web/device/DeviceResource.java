package dev.loyalty.adapters.web.device;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.device.DeviceUseCases;
import dev.loyalty.application.device.RegisterDeviceCommand;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.DevicePlatform;
import dev.loyalty.domain.device.DeviceToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The app registers the device it runs on (its push registration token) to receive the customer's
 * push notifications, and unregisters it at sign-out. Both idempotent; customer tokens only.
 */
@Path("me/devices")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Me (the app)")
public class DeviceResource {

    @Inject
    DeviceUseCases devices;

    @Inject
    Caller caller;

    @PUT
    @Path("{deviceToken}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "registerMyDevice",
            summary = "Register this device for my push notifications",
            description = "The path holds the push SDK's registration token (FCM). Registering again updates"
                    + " platform, language and version; a token another customer registered moves to me. A"
                    + " customer keeps the ten most recently registered devices.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceRegistration.class),
                            examples =
                                    @ExampleObject(
                                            name = "An Android phone",
                                            value = "{\"platform\": \"ANDROID\", \"language\": \"it-IT\","
                                                    + " \"appVersion\": \"4.2.0\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(
            responseCode = "422",
            description = "A token, platform, language or version that is not one (validation-failed, with the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeviceView register(
            @PathParam("deviceToken") String deviceToken, @NotNull @Valid DeviceRegistration registration) {
        return DeviceView.of(devices.register(new RegisterDeviceCommand(
                new DeviceToken(deviceToken),
                Choices.of(DevicePlatform.class, "platform", registration.platform()),
                Optional.ofNullable(registration.language()).map(tag -> LanguageTag.of(tag, "language")),
                Optional.ofNullable(registration.appVersion()),
                caller.actor())));
    }

    @DELETE
    @Path("{deviceToken}")
    @Operation(
            operationId = "unregisterMyDevice",
            summary = "Stop push notifications to this device",
            description = "Idempotent: a token I do not hold (or no longer) is answered the same.")
    @APIResponse(responseCode = "204", description = "Unregistered (or was not registered)")
    @APIResponse(
            responseCode = "422",
            description = "Not a registration token (validation-failed, field deviceToken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unregister(@PathParam("deviceToken") String deviceToken) {
        devices.unregister(new DeviceToken(deviceToken), caller.actor());
        return Response.noContent().build();
    }
}
