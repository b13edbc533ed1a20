package dev.loyalty.adapters.messaging.sms;

import dev.loyalty.application.messaging.DeliveryReportReplayedException;
import dev.loyalty.application.messaging.DeliveryReportUseCase;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Twilio's delivery-status callback ({@code StatusCallback}): Twilio posts the message's
 * {@code MessageSid} and {@code MessageStatus}; {@code delivered} makes the message DELIVERED,
 * {@code undelivered} and {@code failed} make it FAILED (a dead letter), the intermediate ones are
 * acknowledged and ignored. A report already recorded for the message (a captured callback sent
 * again: its signature stays valid for ever), or a failure after a delivery, changes nothing and is
 * a 409 {@code delivery-report-replayed}. No bearer token (Twilio has none): the request must carry Twilio's
 * signature of the configured callback URL, else it is refused (403); without a signature header at
 * all, before its body is read ({@link SignedByTwilio}).
 */
@Path("gateways/twilio/status")
@RequestScoped
@PermitAll
@Tag(name = "Messages")
public class TwilioStatusCallbackResource {

    @Inject
    DeliveryReportUseCase reports;

    @Inject
    @ConfigProperty(name = "loyalty.sms.twilio.status-callback-url")
    Optional<String> callbackUrl;

    @Inject
    @ConfigProperty(name = "loyalty.sms.twilio.auth-token")
    Optional<String> authToken;

    @POST
    @SignedByTwilio
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SecurityRequirements
    @Operation(
            operationId = "reportTwilioMessageStatus",
            summary = "Twilio's delivery report for an SMS (signed by Twilio)",
            description = "Set LOYALTY_SMS_TWILIO_STATUS_CALLBACK_URL to this endpoint's public URL to receive them.")
    public Response report(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = new HashMap<>();
        form.forEach((name, values) -> parameters.put(name, values.isEmpty() ? "" : values.get(0)));
        if (callbackUrl.isEmpty()
                || authToken.isEmpty()
                || !TwilioSignature.matches(signature, authToken.get(), callbackUrl.get(), parameters)) {
            throw new AccessDeniedException("the request does not carry a valid Twilio signature");
        }
        String sid = parameters.get("MessageSid");
        String status = parameters.getOrDefault("MessageStatus", "");
        if (sid == null || sid.isBlank()) {
            return Response.noContent().build();
        }
        String error = Optional.ofNullable(parameters.get("ErrorCode"))
                .filter(code -> !code.isBlank())
                .map(code -> ", error code " + code)
                .orElse("");
        DeliveryReportUseCase.Outcome outcome =
                switch (status) {
                    case "delivered" -> reports.report(sid, true, "twilio: delivered");
                    case "undelivered", "failed" -> reports.report(sid, false, "twilio: " + status + error);
                        // queued, sending, sent, accepted: nothing to record (a replay of them changes nothing)
                    default -> DeliveryReportUseCase.Outcome.RECORDED;
                };
        if (outcome == DeliveryReportUseCase.Outcome.REPLAYED) {
            throw new DeliveryReportReplayedException();
        }
        return Response.noContent().build();
    }
}
