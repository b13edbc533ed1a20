package dev.loyalty.adapters.web.messaging;

import dev.loyalty.application.messaging.UnsubscribeUseCase;
import dev.loyalty.domain.customer.ConsentPurpose;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unsubscribe link of a marketing e-mail (no bearer token: the link's signed token names the
 * customer and the consent). Following it (GET, a page) or the mail client's one-click request
 * (POST, RFC 8058) withdraws that consent, with evidence.
 */
@Path("unsubscribe")
@ApplicationScoped
@PermitAll
@Tag(name = "Messages")
public class UnsubscribeResource {

    @Inject
    UnsubscribeUseCase unsubscribe;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeByLink",
            summary = "Withdraw the consent named by an unsubscribe link (a page for the customer)")
    public String page(@QueryParam("token") String token) {
        ConsentPurpose purpose = unsubscribe.unsubscribe(token);
        return "<!DOCTYPE html><html><body><p>You will no longer receive "
                + (purpose == ConsentPurpose.MARKETING_EMAIL ? "marketing e-mails" : "these messages")
                + " from us.</p></body></html>";
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeByLink",
            summary = "Withdraw the consent named by an unsubscribe link (for a client asking for JSON)")
    public Map<String, String> json(@QueryParam("token") String token) {
        return Map.of("withdrawn", unsubscribe.unsubscribe(token).name());
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "unsubscribeOneClick", summary = "One-click unsubscribe (List-Unsubscribe-Post)")
    public Map<String, String> oneClick(@QueryParam("token") String token) {
        return Map.of("withdrawn", unsubscribe.unsubscribe(token).name());
    }
}
