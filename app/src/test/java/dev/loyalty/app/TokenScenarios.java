package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tokens beyond their signature (issue 17, item 9): the audience, the longest age by role, and the
 * revocation list by token id or by subject, seen by this instance at once and read from the
 * database by every instance within seconds; run by {@code ServiceIT.Tokens}. The deployment checks
 * the audiences {@code loyalty,loyalty-console} and reads the list every 2 s.
 */
abstract class TokenScenarios {

    private static final String CALL = "/api/v1/earning-rules";

    private static String mint(String audience, String role, String subject, String store, Instant iat, Duration ttl) {
        return Api.keys().mint(Api.ISSUER, audience, role, subject, store, iat, ttl, Map.of());
    }

    private static String jti(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return jakarta.json.Json.createReader(new java.io.StringReader(payload))
                .readObject()
                .getString("jti");
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        Instant now = Instant.now();
        String ours = mint("loyalty", "admin", "console-user", null, now, Duration.ofMinutes(5));
        String console = mint("loyalty-console", "admin", "console-user", null, now, Duration.ofMinutes(5));
        String otherApp = mint("crm-app", "admin", "console-user", null, now, Duration.ofMinutes(5));
        String none = mint(null, "admin", "console-user", null, now, Duration.ofMinutes(5));

        assertThat(API.get(CALL, ours).status()).isEqualTo(200);
        assertThat(API.get(CALL, console).status())
                .as("the second audience configured")
                .isEqualTo(200);
        Api.Reply foreign = API.get(CALL, otherApp);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.isProblem("unauthorized")).as(foreign.toString()).isTrue();
        assertThat(API.get(CALL, none).status()).isEqualTo(401);
    }

    @Test
    void aStaffTokenLivingLongerThanAnHourIsRefusedWhileACustomersDayIsAccepted() {
        Instant now = Instant.now();
        String longAdmin = mint("loyalty", "admin", "console-user", null, now, Duration.ofMinutes(61));
        String hourAdmin = mint("loyalty", "admin", "console-user", null, now, Duration.ofMinutes(60));
        String longTerminal = mint("loyalty", "terminal", "till-MI-001", "MI-001", now, Duration.ofMinutes(480));
        String customerId = Fixtures.enrolled(null, Fixtures.uniquePhone()).getString("customerId");
        String dayCustomer = mint("loyalty", "customer", customerId, null, now, Duration.ofHours(24));
        String longCustomer = mint("loyalty", "customer", customerId, null, now, Duration.ofHours(25));

        Api.Reply refused = API.get(CALL, longAdmin);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("detail")).contains("lifetime");
        assertThat(API.get(CALL, hourAdmin).status()).isEqualTo(200);
        assertThat(API.get("/api/v1/customers/lookup?card=2900000000001", longTerminal)
                        .status())
                .isEqualTo(401);
        assertThat(API.get("/api/v1/me", dayCustomer).status()).isEqualTo(200);
        assertThat(API.get("/api/v1/me", longCustomer).status()).isEqualTo(401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        String future = mint(
                "loyalty",
                "admin",
                "console-user",
                null,
                Instant.now().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(20));

        assertThat(API.get(CALL, future).status()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheSubjectsOtherTokensStillWork() {
        String leaked = Api.admin();
        String other = Api.admin();
        // accepted, so verified once and remembered: the revocation must still refuse it
        assertThat(API.get(CALL, leaked).status()).isEqualTo(200);

        Api.Reply revoked = API.post(
                "/api/v1/token-revocations", Api.admin(), "{\"jti\": \"" + jti(leaked) + "\", \"reason\": \"leaked\"}");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertThat(revoked.json().getString("kind")).isEqualTo("TOKEN_ID");
        assertThat(revoked.json().getString("revokedBy")).isEqualTo("console-user");
        Api.Reply refused = API.get(CALL, leaked);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("detail")).contains("revoked");
        assertThat(API.get(CALL, other).status()).isEqualTo(200);
    }

    @Test
    void aRevokedTerminalIsRefusedUntilItHasANewToken() throws Exception {
        String store = "TK-" + UUID.randomUUID().toString().substring(0, 8);
        String till = "till-" + store;
        String before = Api.terminal(store);
        String sameStoreOtherTill = Api.token("terminal", till + "-2", store);
        String lookup = "/api/v1/customers/lookup?card=2900000000001";
        assertThat(API.get(lookup, before).status()).isIn(200, 404);

        Api.Reply revoked = API.post(
                "/api/v1/token-revocations",
                Api.admin(),
                "{\"subject\": \"" + till + "\", \"reason\": \"stolen till\"}");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertThat(revoked.json().getString("kind")).isEqualTo("SUBJECT");
        assertThat(API.get(lookup, before).status()).isEqualTo(401);
        assertThat(API.get(lookup, sameStoreOtherTill).status()).isIn(200, 404);
        // provisioned again: a token issued after the revocation (iat has whole seconds)
        Thread.sleep(1_100);
        String after = mint("loyalty", "terminal", till, store, Instant.now().plusSeconds(1), Duration.ofMinutes(30));
        assertThat(API.get(lookup, after).status()).isIn(200, 404);
    }

    @Test
    void aRevocationWrittenByAnotherInstanceIsSeenWithinSeconds() throws Exception {
        String token = Api.admin();
        assertThat(API.get(CALL, token).status()).isEqualTo(200);
        // another instance's revocation: only in the database, never through this instance
        Api.execute("INSERT INTO token_revocation (kind, value, revoked_at, revoked_by, reason) VALUES ('TOKEN_ID', '"
                + jti(token) + "', UTC_TIMESTAMP(6), 'other-instance', NULL)");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        long seen = 0;
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            status = API.get(CALL, token).status();
            if (status == 401) {
                seen = System.nanoTime() - started;
                break;
            }
            Thread.sleep(200);
        }
        assertThat(status).as("refused after %d ms", seen / 1_000_000).isEqualTo(401);
        assertThat(Duration.ofNanos(seen)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void onlyTheConsoleRevokes() {
        String body = "{\"subject\": \"till-XX\"}";
        for (String token : List.of(
                Api.terminal("MI-001"),
                Api.integration(),
                Api.customer(UUID.randomUUID().toString()))) {
            Api.Reply reply = API.post("/api/v1/token-revocations", token, body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.isProblem("forbidden")).as(reply.toString()).isTrue();
        }
        assertThat(Api.count("SELECT COUNT(*) FROM token_revocation WHERE value = 'till-XX'"))
                .isZero();
    }

    @Test
    void aRevocationNamingNeitherOrBothOrNoTokenIdIsRefusedAndNothingIsStored() {
        long before = Api.count("SELECT COUNT(*) FROM token_revocation");
        for (String body : List.of(
                "{}",
                "{\"reason\": \"x\"}",
                "{\"jti\": \"a\", \"subject\": \"b\"}",
                "{\"subject\": \"till with blanks\"}",
                "{\"jti\": \"\"}",
                "{\"jti\": \"" + "x".repeat(256) + "\"}",
                "{\"subject\": \"till-1\", \"reason\": \"" + "r".repeat(501) + "\"}",
                "{\"subject\": [\"till-1\"]}",
                "{\"subject\": \"till-1\", \"unknown\": true, ")) {
            Api.Reply reply = API.post("/api/v1/token-revocations", Api.admin(), body);
            assertThat(reply.status()).as(body + " -> " + reply).isIn(400, 422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        Api.Reply empty = API.post("/api/v1/token-revocations", Api.admin(), "");
        assertThat(empty.status()).as(empty.toString()).isBetween(400, 499);
        assertThat(Api.count("SELECT COUNT(*) FROM token_revocation")).isEqualTo(before);
    }
}
