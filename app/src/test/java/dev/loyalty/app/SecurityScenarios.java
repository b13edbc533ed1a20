package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.VALID_ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.launcher.DevKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: tokens (missing, foreign, expired, of another issuer), roles, stores; run by
 * {@code ServiceIT.Security} on the shared deployment.
 */
abstract class SecurityScenarios {

    /** The endpoints that take a signature (a signed link, Twilio's) rather than a bearer token. */
    static final java.util.Set<String> SIGNED_INSTEAD_OF_AUTHENTICATED = java.util.Set.of(
            "get /api/v1/unsubscribe", "post /api/v1/unsubscribe", "post /api/v1/gateways/twilio/status");

    /**
     * The console's development sign-in: open to anyone on the machine, but only on an embedded run
     * with its development keys ({@code LauncherIT}); this deployment names no such keys.
     */
    static final java.util.Set<String> DEVELOPMENT_ONLY =
            java.util.Set.of("get /api/v1/development-token", "post /api/v1/development-token");

    @Test
    void everyApiEndpointRefusesARequestWithoutAToken() {
        // reached by links in e-mails and by Twilio, which carry no token: each request must carry
        // a signature of its own instead, and one without it is refused all the same
        Api.Reply openapi = API.send("GET", "/openapi", null, null, null);
        assertThat(openapi.status()).isEqualTo(200);
        JsonObject paths = Json.createReader(new StringReader(API.getAcceptingJson("/openapi")))
                .readObject()
                .getJsonObject("paths");
        List<String> checked = new ArrayList<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String body = List.of("post", "put", "patch").contains(method) ? "{}" : null;
                Api.Reply reply =
                        API.send(method.toUpperCase(), concrete, null, body == null ? null : "application/json", body);
                if (DEVELOPMENT_ONLY.contains(method + " " + path)) {
                    assertThat(reply.isProblem("not-found"))
                            .as(method + " " + path + " -> " + reply)
                            .isTrue();
                    checked.add(method + " " + path);
                    continue;
                }
                if (SIGNED_INSTEAD_OF_AUTHENTICATED.contains(method + " " + path)) {
                    assertThat(reply.status())
                            .as(method + " " + path + " -> " + reply)
                            .isBetween(400, 499);
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                    checked.add(method + " " + path);
                    continue;
                }
                assertThat(reply.status())
                        .as(method + " " + path + " -> " + reply)
                        .isEqualTo(401);
                assertThat(reply.isProblem("unauthorized")).as(reply.toString()).isTrue();
                checked.add(method + " " + path);
            }
        }
        assertThat(checked)
                .as("the OpenAPI document lists the API")
                .contains(
                        "post /api/v1/customers", "get /api/v1/customers/lookup", "get /api/v1/me", "patch /api/v1/me");
    }

    @Test
    void noDevelopmentTokenIsMintedWhereTheServiceWasGivenItsKey() {
        // the test deployment is configured with a verification key, as production is: no sign-in
        // by button, whoever asks
        Api.Reply probe = API.get("/api/v1/development-token", null);
        Api.Reply anonymous = API.post("/api/v1/development-token", null, "");
        Api.Reply admin = API.post("/api/v1/development-token", Api.admin(), "");

        assertThat(List.of(probe.status(), anonymous.status(), admin.status())).containsOnly(404);
        assertThat(anonymous.isProblem("not-found")).as(anonymous.toString()).isTrue();
        assertThat(admin.body()).doesNotContain("token\"");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String forged = new DevKeys(Files.createTempDirectory("forger"))
                .mint(Api.ISSUER, "admin", "mallory", null, Duration.ofMinutes(5));

        Api.Reply reply = API.get("/api/v1/customers/lookup?card=2900000000001", forged);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Api.keys().mint(Api.ISSUER, "admin", "console-user", null, Duration.ofMinutes(-10));

        assertThat(API.get("/api/v1/customers/lookup?card=2900000000001", expired)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign = Api.keys().mint("someone-else", "admin", "console-user", null, Duration.ofMinutes(5));

        assertThat(API.get("/api/v1/customers/lookup?card=2900000000001", foreign)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRoleOutsideTheEndpointIsForbidden() {
        String customer = Api.customer(UUID.randomUUID().toString());

        Api.Reply lookup = API.get("/api/v1/customers/lookup?card=2900000000001", customer);
        Api.Reply enrol = API.post("/api/v1/customers", customer, VALID_ENROLMENT);
        Api.Reply me = API.get("/api/v1/me", Api.terminal("MI-001"));

        assertThat(List.of(lookup.status(), enrol.status(), me.status())).containsOnly(403);
        assertThat(lookup.isProblem("forbidden")).as(lookup.toString()).isTrue();
    }

    @Test
    void aTamperedTokenIsRefusedWhileTheGenuineOneIsAcceptedAndRemembered() {
        String genuine = Api.terminal("MI-001");
        String lookup = "/api/v1/customers/lookup?card=2900000000001";
        assertThat(API.get(lookup, genuine).status()).isIn(200, 404);
        assertThat(API.get(lookup, genuine).status()).as("again, remembered").isIn(200, 404);
        String[] parts = genuine.split("\\.");
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"terminal\"", "\"admin\"");
        assertThat(promoted).isNotEqualTo(claims);

        Api.Reply asAdmin = API.get(
                "/api/v1/earning-rules",
                parts[0] + "." + url.encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        Api.Reply resigned = API.get(lookup, parts[0] + "." + parts[1] + "." + url.encodeToString(new byte[256]));

        assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(401);
        assertThat(asAdmin.isProblem("unauthorized")).as(asAdmin.toString()).isTrue();
        assertThat(resigned.status()).as(resigned.toString()).isEqualTo(401);
        assertThat(API.get(lookup, genuine).status()).isIn(200, 404);
    }

    @Test
    void aTerminalTokenWithoutItsStoreIsForbidden() {
        String storeless = Api.token("terminal", "till-x", null);

        Api.Reply reply = API.post("/api/v1/customers", storeless, VALID_ENROLMENT);

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void anIntegrationOutsideItsStoresOrChannelsRecordsNothingAndFindsNoPurchase() {
        String rome = "RS-" + Fixtures.unique();
        String milan = "MS-" + Fixtures.unique();
        String marco = Fixtures.enrolled("scope." + Fixtures.unique() + "@example.com", null)
                .getString("customerId");
        String romeOnline = Api.scopedIntegration("shop-" + rome, List.of(rome), List.of("ONLINE"));
        Api.Reply milanPurchase = API.post(
                "/api/v1/purchases",
                Api.terminal(milan),
                Fixtures.purchase(milan, "R-" + Fixtures.unique(), marco, Fixtures.TEN_LASAGNE, 6000));
        assertThat(milanPurchase.status()).as(milanPurchase.toString()).isEqualTo(201);
        String milanId = milanPurchase.json().getString("purchaseId");
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");

        Api.Reply inMilan = API.post(
                "/api/v1/purchases",
                romeOnline,
                Fixtures.purchase(milan, "R-" + Fixtures.unique(), marco, Fixtures.TEN_LASAGNE, 6000)
                        .replace("\"STORE\"", "\"ONLINE\""));
        Api.Reply atARomeTill = API.post(
                "/api/v1/purchases",
                romeOnline,
                Fixtures.purchase(rome, "R-" + Fixtures.unique(), marco, Fixtures.TEN_LASAGNE, 6000));
        Api.Reply reversal = API.post("/api/v1/purchases/" + milanId + "/reversal", romeOnline, "{}");
        Api.Reply read = API.get("/api/v1/purchases/" + milanId, romeOnline);
        Api.Reply byAnotherStoresTill =
                API.post("/api/v1/purchases/" + milanId + "/reversal", Api.terminal(rome), "{}");

        assertThat(List.of(inMilan.status(), atARomeTill.status()))
                .as(inMilan + " / " + atARomeTill)
                .containsOnly(403);
        assertThat(reversal.isProblem("purchase-not-found"))
                .as("another store's purchase: 404, not 403 - " + reversal)
                .isTrue();
        assertThat(read.isProblem("purchase-not-found")).as(read.toString()).isTrue();
        assertThat(byAnotherStoresTill.isProblem("purchase-not-found"))
                .as(byAnotherStoresTill.toString())
                .isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase_reversal WHERE purchase_id = '" + milanId + "'"))
                .isZero();

        Api.Reply online = API.post(
                "/api/v1/purchases",
                romeOnline,
                Fixtures.purchase(rome, "R-" + Fixtures.unique(), marco, Fixtures.TEN_LASAGNE, 6000)
                        .replace("\"STORE\"", "\"ONLINE\""));
        Api.Reply unscoped = API.post(
                "/api/v1/purchases",
                Api.integration(),
                Fixtures.purchase(milan, "R-" + Fixtures.unique(), marco, Fixtures.TEN_LASAGNE, 6000)
                        .replace("\"STORE\"", "\"ONLINE\""));
        assertThat(online.status()).as(online.toString()).isEqualTo(201);
        assertThat(unscoped.status())
                .as("a token without the claims acts for every store, as the contract's online orders need: "
                        + unscoped)
                .isEqualTo(201);
    }

    @Test
    void anIntegrationTokenWithAChannelThatDoesNotExistOrAnEmptyScopeIsForbidden() {
        String bogus = Api.scopedIntegration("shop-x", List.of(), List.of("PHONE"));
        String empty = Api.scopedIntegration("shop-y", List.of(" "), List.of());

        Api.Reply withBogus = API.post("/api/v1/purchases/" + UUID.randomUUID() + "/reversal", bogus, "{}");
        Api.Reply withEmpty = API.post("/api/v1/purchases/" + UUID.randomUUID() + "/reversal", empty, "{}");

        assertThat(List.of(withBogus.status(), withEmpty.status())).containsOnly(403);
    }

    @Test
    void theAppPostsOnlyTheProgrammesAppPostableTypes() {
        String marco = Fixtures.enrolled("types." + Fixtures.unique() + "@example.com", null)
                .getString("customerId");
        long events = Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'");

        Api.Reply notPostable = API.post(
                "/api/v1/events",
                Api.customer(marco),
                "{\"eventId\": \"t-%s\", \"type\": \"NEWSLETTER_SUBSCRIBED\"}".formatted(Fixtures.unique()));

        assertThat(notPostable.status()).isEqualTo(403);
        assertThat(notPostable.isProblem("event-type-not-app-postable"))
                .as(notPostable.toString())
                .isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'"))
                .isEqualTo(events);
    }

    @Test
    void theConsolesOpenIdConnectSignInIsOffWithoutItsSettings() {
        Api.Reply status = API.getAccepting("/admin/oidc/status", "application/json");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("\"enabled\": false");
        assertThat(status.contentType()).startsWith("application/json");
        assertThat(API.getAccepting("/admin/oidc/login", "text/html").status()).isEqualTo(404);
        assertThat(API.getAccepting("/admin/oidc/callback?code=a&state=b", "text/html")
                        .status())
                .isEqualTo(404);
    }
}
