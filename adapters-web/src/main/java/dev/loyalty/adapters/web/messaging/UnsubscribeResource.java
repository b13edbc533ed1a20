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
 * customer and the consent). Following it (GET) only shows what it would withdraw and a button: mail
 * scanners and link previews fetch every link of a message. The button's POST, or the mail
 * client's one-click request (POST, RFC 8058), withdraws that consent, with evidence.
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
            summary = "What an unsubscribe link would withdraw, with a button to confirm (changes nothing)")
    public String page(@QueryParam("token") String token) {
        ConsentPurpose purpose = unsubscribe.purposeOf(token);
        return "<!DOCTYPE html><html><body><form method=\"post\" action=\"unsubscribe?token="
                + escaped(token) + "\"><p>Stop receiving " + what(purpose)
                + " from us?</p><button type=\"submit\">Unsubscribe</button></form></body></html>";
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeByLink",
            summary = "What an unsubscribe link would withdraw (for a client asking for JSON; changes nothing)")
    public Map<String, String> json(@QueryParam("token") String token) {
        return Map.of("consent", unsubscribe.purposeOf(token).name(), "withdrawWith", "POST");
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeOneClick",
            summary = "Withdraw the consent (the page's button, or one-click List-Unsubscribe-Post)")
    public Map<String, String> oneClick(@QueryParam("token") String token) {
        return Map.of("withdrawn", unsubscribe.unsubscribe(token).name());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirements
    @Operation(
            operationId = "unsubscribeOneClick",
            summary = "Withdraw the consent (the page's button: a page for the customer)")
    public String confirmed(@QueryParam("token") String token) {
        return "<!DOCTYPE html><html><body><p>You will no longer receive " + what(unsubscribe.unsubscribe(token))
                + " from us.</p></body></html>";
    }

    private static String what(ConsentPurpose purpose) {
        return purpose == ConsentPurpose.MARKETING_EMAIL ? "marketing e-mails" : "these messages";
    }

    /** The token in an HTML attribute: it is base64url and a dot, but never trust a query string. */
    private static String escaped(String token) {
        return token == null ? "" : token.replaceAll("[^A-Za-z0-9_.\\-]", "");
    }
}
