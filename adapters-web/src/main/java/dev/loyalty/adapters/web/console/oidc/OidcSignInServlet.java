package dev.loyalty.adapters.web.console.oidc;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's OpenID Connect sign-in: {@code /admin/oidc/status} says whether it is on, {@code
 * /admin/oidc/login} sends the browser to the provider (state, nonce and PKCE verifier kept in a
 * short-lived HttpOnly cookie), {@code /admin/oidc/callback} takes the code back, checks the ID token
 * and the administrator role in the configured claim, and hands the ID token to the console (its
 * tab's sessionStorage, as a pasted token) before opening the dashboard. Off - every path but
 * status a 404 - unless {@code LOYALTY_OIDC_ISSUER} is set.
 */
@WebServlet(urlPatterns = "/admin/oidc/*")
public class OidcSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OidcSignInServlet.class.getName());
    static final String COOKIE = "loyalty_oidc";
    static final String ADMIN = "admin";

    @Inject
    @ConfigProperty(name = "loyalty.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "loyalty.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "loyalty.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "loyalty.oidc.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "loyalty.oidc.roles-claim")
    Optional<String> rolesClaim;

    private transient Optional<OidcClient> client = Optional.empty();

    @Override
    public void init() {
        Optional<OidcSettings> settings;
        try {
            settings = OidcSettings.of(issuer, clientId, clientSecret, redirectUri, rolesClaim);
        } catch (IllegalArgumentException e) {
            // the launcher refuses such settings before the server starts; a deployment elsewhere is told here
            LOG.severe("OpenID Connect sign-in is off: " + e.getMessage());
            return;
        }
        client = settings.map(s -> new OidcClient(
                s,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Clock.systemUTC()));
        client.ifPresent(c -> {
            try {
                c.discover();
                LOG.info("OpenID Connect sign-in on, issuer " + c.settings().issuer());
            } catch (OidcClient.OidcException e) {
                LOG.warning("OpenID Connect sign-in: " + e.getMessage() + " (tried again at each sign-in)");
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.equals("/status")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"enabled\": " + client.isPresent() + "}");
            return;
        }
        if (client.isEmpty() || !(path.equals("/login") || path.equals("/callback"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals("/login")) {
            login(client.get(), response);
        } else {
            callback(client.get(), request, response);
        }
    }

    private void login(OidcClient oidc, HttpServletResponse response) throws IOException {
        String state = OidcClient.randomValue();
        String nonce = OidcClient.randomValue();
        String verifier = OidcClient.randomValue();
        try {
            var target = oidc.authorization(state, nonce, verifier);
            response.addHeader("Set-Cookie", cookie(oidc, state + "." + nonce + "." + verifier, 600));
            response.sendRedirect(target.toString());
        } catch (OidcClient.OidcException e) {
            LOG.warning("OpenID Connect sign-in could not start: " + e.getMessage());
            page(response, HttpServletResponse.SC_BAD_GATEWAY, "The identity provider could not be reached.", null);
        }
    }

    private void callback(OidcClient oidc, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.addHeader("Set-Cookie", cookie(oidc, "", 0));
        String[] kept = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> c.getValue().split("\\."))
                .filter(v -> v.length == 3)
                .findFirst()
                .orElse(null);
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        if (kept == null
                || state == null
                || !MessageDigest.isEqual(
                        kept[0].getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII))) {
            page(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "This sign-in was not started here or took too long.",
                    null);
            return;
        }
        if (code == null || request.getParameter("error") != null) {
            page(response, HttpServletResponse.SC_UNAUTHORIZED, "The identity provider did not sign you in.", null);
            return;
        }
        OidcClient.SignedIn signedIn;
        try {
            signedIn = oidc.signIn(code, kept[2], kept[1]);
        } catch (OidcClient.OidcException e) {
            LOG.warning("OpenID Connect sign-in refused: " + e.getMessage());
            page(response, HttpServletResponse.SC_UNAUTHORIZED, "The identity provider's answer was refused.", null);
            return;
        }
        if (!signedIn.roles().contains(ADMIN)) {
            LOG.info("OpenID Connect sign-in of " + signedIn.subject() + " refused: no " + ADMIN + " in "
                    + oidc.settings().rolesClaim());
            page(response, HttpServletResponse.SC_FORBIDDEN, "You are signed in, but not as an administrator.", null);
            return;
        }
        page(response, HttpServletResponse.SC_OK, "Signed in.", signedIn.idToken());
    }

    private static String cookie(OidcClient oidc, String value, int maxAge) {
        boolean secure = "https".equalsIgnoreCase(oidc.settings().redirectUri().getScheme());
        return COOKIE + "=" + value + "; Path=/admin/oidc; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    /** A short page: a message, and with a token the hand-over to the console. */
    private static void page(HttpServletResponse response, int status, String message, String token)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String script = token != null && token.matches("[A-Za-z0-9_.-]+")
                ? "<script>sessionStorage.setItem('loyalty.token', '" + token
                        + "'); location.replace('/admin/#/dashboard');</script>"
                : "";
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in - Loyalty"
                        + " console</title></head><body><main><h1>" + message + "</h1><p><a href=\"/admin/\">Back to"
                        + " the console</a></p></main>" + script + "</body></html>");
    }
}
