package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.launcher.DevKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service as its clients see it, deployed once (the built WAR, whole) in Payara Micro against
 * a real MariaDB; the nested classes share that deployment and never depend on each other's data
 * (each test makes its own customers with unique contacts).
 */
@ExtendWith(ArquillianExtension.class)
class ServiceIT {

    static final Api API = Api.service();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Api.prepareKeys();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("loyalty.it.war")));
    }

    /** Payara Micro reports "started" even when the application failed to deploy: say so at once. */
    @BeforeAll
    static void theServiceIsReady() {
        Api.Reply ready = API.get("/health/ready", null);
        assertThat(ready.status())
                .as("the service did not deploy (run with -Dloyalty.it.console=true): " + ready)
                .isEqualTo(200);
    }

    /** The endpoints that take a signature (a signed link, Twilio's) rather than a bearer token. */
    static final java.util.Set<String> SIGNED_INSTEAD_OF_AUTHENTICATED = java.util.Set.of(
            "get /api/v1/unsubscribe", "post /api/v1/unsubscribe", "post /api/v1/gateways/twilio/status");

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniquePhone() {
        return "+3934" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    static String enrolment(String email, String phone, String storeId) {
        return """
                {"firstName": "Marco", "lastName": "Rossi", "email": %s, "phone": %s,
                 "preferredChannel": "%s",
                 "consents": {"marketingEmail": false, "marketingSms": true, "marketingPush": false, "profiling": true},
                 "enrolmentChannel": "STORE", "storeId": "%s"}"""
                .formatted(
                        email == null ? "null" : '"' + email + '"',
                        phone == null ? "null" : '"' + phone + '"',
                        phone == null ? "EMAIL" : "SMS",
                        storeId);
    }

    static JsonObject enrolled(String email, String phone) {
        Api.Reply reply = API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(email, phone, "MI-001"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void marcoEnrolsAtTheTillAndIsFoundByCardAndPhone() {
        String phone = uniquePhone();
        Api.Reply reply = API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(null, phone, "MI-001"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject marco = reply.json();
        String card = marco.getString("cardNumber");
        assertThat(card).matches("29\\d{11}");
        assertThat(reply.location()).endsWith("/api/v1/customers/" + marco.getString("customerId"));
        assertThat(marco.getJsonObject("consents").getBoolean("marketingSms")).isTrue();
        assertThat(marco.getJsonNumber("pointsBalance").longValue()).isZero();

        Api.Reply byCard = API.get("/api/v1/customers/lookup?card=" + card, Api.terminal("TO-002"));
        assertThat(byCard.status()).as(byCard.toString()).isEqualTo(200);
        assertThat(byCard.json().getString("customerId")).isEqualTo(marco.getString("customerId"));
        assertThat(byCard.json().containsKey("phone"))
                .as("no contact details at the till")
                .isFalse();

        Api.Reply byPhone = API.get("/api/v1/customers/lookup?phone=" + phone.replace("+", "%2B"), Api.admin());
        assertThat(byPhone.json().getString("cardNumber")).isEqualTo(card);

        long evidence = Api.count(
                "SELECT COUNT(*) FROM customer_consent WHERE customer_id = '" + marco.getString("customerId") + "'");
        assertThat(evidence).as("one recorded decision per purpose").isEqualTo(4);
        long events =
                Api.count("SELECT COUNT(*) FROM domain_event WHERE type = 'CUSTOMER_ENROLLED' AND aggregate_id = '"
                        + marco.getString("customerId") + "'");
        assertThat(events).isEqualTo(1);
    }

    @Nested
    class Enrolment {

        @Test
        void anEmailAlreadyEnrolledIsAConflict() {
            String email = "elena." + unique() + "@example.com";
            enrolled(email, null);

            Api.Reply again =
                    API.post("/api/v1/customers", Api.integration(), enrolment(email.toUpperCase(), null, "MI-001"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.isProblem("customer-already-enrolled"))
                    .as(again.toString())
                    .isTrue();
            assertThat(Api.count("SELECT COUNT(*) FROM customer WHERE email = '" + email + "'"))
                    .isEqualTo(1);
        }

        @Test
        void aPhoneAlreadyEnrolledIsAConflict() {
            String phone = uniquePhone();
            enrolled(null, phone);

            Api.Reply again = API.post("/api/v1/customers", Api.admin(), enrolment(null, phone, "MI-001"));

            assertThat(again.isProblem("customer-already-enrolled"))
                    .as(again.toString())
                    .isTrue();
        }

        @Test
        void twoTillsEnrollingTheSameEmailAtOnceMakeOneCustomer() throws Exception {
            String email = "race." + unique() + "@example.com";
            int tills = 12;
            String token = Api.terminal("MI-001");

            List<Integer> results =
                    race(tills, n -> API.post("/api/v1/customers", token, enrolment(email, null, "MI-001"))
                            .status());

            assertThat(results).filteredOn(s -> s == 201).hasSize(1);
            assertThat(results).filteredOn(s -> s == 409).hasSize(tills - 1);
            assertThat(Api.count("SELECT COUNT(*) FROM customer WHERE email = '" + email + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT COUNT(*) FROM domain_event e JOIN customer c ON c.id = e.aggregate_id"
                            + " WHERE c.email = '" + email + "'"))
                    .isEqualTo(1);
        }

        @Test
        void aTerminalEnrolsOnlyForItsOwnStore() {
            long before = Api.count("SELECT COUNT(*) FROM customer");

            Api.Reply reply =
                    API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(null, uniquePhone(), "RM-009"));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.isProblem("forbidden")).as(reply.toString()).isTrue();
            assertThat(Api.count("SELECT COUNT(*) FROM customer")).isEqualTo(before);
        }

        @Test
        void aTerminalMayLeaveTheStoreToItsToken() {
            String body =
                    """
                    {"firstName": "Lucia", "preferredChannel": "NONE", "consents": {},
                     "enrolmentChannel": "STORE"}""";

            Api.Reply reply = API.post("/api/v1/customers", Api.terminal("NA-003"), body);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().getString("storeId")).isEqualTo("NA-003");
        }

        @Test
        void anUnknownCardIsNotFound() {
            Api.Reply reply = API.get("/api/v1/customers/lookup?card=2900000000001", Api.terminal("MI-001"));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.isProblem("customer-not-found"))
                    .as(reply.toString())
                    .isTrue();
        }

        @Test
        void aMistypedCardIsRejectedByItsCheckDigit() {
            Api.Reply reply = API.get("/api/v1/customers/lookup?card=2900000000005", Api.terminal("MI-001"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("cardNumber");
        }
    }

    @Nested
    class Me {

        @Test
        void theCustomerReadsAndChangesTheirOwnProfile() {
            JsonObject marco = enrolled("marco." + unique() + "@example.com", uniquePhone());
            String id = marco.getString("customerId");
            String token = Api.customer(id);

            Api.Reply me = API.get("/api/v1/me", token);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().getString("email")).isEqualTo(marco.getString("email"));

            Api.Reply changed = API.patch(
                    "/api/v1/me",
                    token,
                    "{\"preferredChannel\": \"EMAIL\", \"consents\": {\"marketingSms\": false, \"marketingEmail\": true}}");

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().getString("preferredChannel")).isEqualTo("EMAIL");
            assertThat(changed.json().getJsonObject("consents").getBoolean("marketingSms"))
                    .isFalse();
            assertThat(Api.count("SELECT COUNT(*) FROM customer_consent WHERE customer_id = '" + id + "'"))
                    .as("two new decisions appended, none rewritten")
                    .isEqualTo(6);
            assertThat(API.get("/api/v1/me", token)
                            .json()
                            .getJsonObject("consents")
                            .getBoolean("marketingEmail"))
                    .isTrue();
        }

        @Test
        void aCustomerTokenOfNobodyFindsNothing() {
            Api.Reply reply =
                    API.get("/api/v1/me", Api.customer(UUID.randomUUID().toString()));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.isProblem("customer-not-found"))
                    .as(reply.toString())
                    .isTrue();
        }

        @Test
        void aCustomerCannotReadAnotherCustomer() {
            JsonObject other = enrolled(null, uniquePhone());
            String myself = enrolled(null, uniquePhone()).getString("customerId");

            Api.Reply reply = API.get("/api/v1/customers/" + other.getString("customerId"), Api.customer(myself));

            assertThat(reply.status()).isEqualTo(403);
        }

        @Test
        void switchingToSmsWithoutAPhoneIsRefusedAndChangesNothing() {
            JsonObject anna = enrolled("anna." + unique() + "@example.com", null);
            String token = Api.customer(anna.getString("customerId"));

            Api.Reply reply =
                    API.patch("/api/v1/me", token, "{\"preferredChannel\": \"SMS\", \"firstName\": \"Annie\"}");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(API.get("/api/v1/me", token).json().getString("firstName"))
                    .isEqualTo("Marco");
        }
    }

    @Nested
    class Errors {

        static final String VALID =
                """
                {"firstName": "Ada", "preferredChannel": "NONE", "consents": {}, "enrolmentChannel": "WEB"}""";

        /** Sends a bad enrolment and checks the problem it gets, and that nothing was stored. */
        JsonObject rejected(String contentType, String body, int status, String code) {
            long customers = Api.count("SELECT COUNT(*) FROM customer");
            long events = Api.count("SELECT COUNT(*) FROM domain_event");

            Api.Reply reply = API.send("POST", "/api/v1/customers", Api.admin(), contentType, body);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            JsonObject problem = reply.json();
            assertThat(problem.getString("code")).isEqualTo(code);
            assertThat(problem.getInt("status")).isEqualTo(status);
            assertThat(problem.getString("title")).isNotBlank();
            assertThat(problem.getString("detail"))
                    .isNotBlank()
                    .doesNotContain("Exception")
                    .doesNotContain("at dev.");
            assertThat(problem.getString("type")).isNotBlank();
            assertThat(Api.count("SELECT COUNT(*) FROM customer"))
                    .as("nothing stored")
                    .isEqualTo(customers);
            assertThat(Api.count("SELECT COUNT(*) FROM domain_event"))
                    .as("nothing published")
                    .isEqualTo(events);
            return problem;
        }

        String fieldOf(JsonObject problem) {
            return problem.getJsonArray("errors").getJsonObject(0).getString("field");
        }

        @Test
        void malformedJson() {
            rejected("application/json", "{\"firstName\": ", 400, "malformed-json");
        }

        @Test
        void anEmptyBody() {
            assertThat(fieldOf(rejected("application/json", "", 400, "malformed-json")))
                    .isEqualTo("body");
        }

        @Test
        void aFieldOfTheWrongType() {
            JsonObject problem = rejected(
                    "application/json",
                    VALID.replace("\"WEB\"}", "\"WEB\", \"birthDate\": \"last spring\"}"),
                    400,
                    "invalid-field");
            assertThat(fieldOf(problem)).isEqualTo("birthDate");
        }

        @Test
        void anObjectWhereTextIsExpected() {
            JsonObject problem =
                    rejected("application/json", VALID.replace("\"Ada\"", "{\"x\": 1}"), 400, "invalid-field");
            assertThat(fieldOf(problem)).isEqualTo("firstName");
        }

        @Test
        void anUnknownField() {
            JsonObject problem = rejected(
                    "application/json",
                    VALID.replace("\"WEB\"}", "\"WEB\", \"tier\": \"GOLD\"}"),
                    400,
                    "invalid-field");
            assertThat(fieldOf(problem)).isEqualTo("tier");
        }

        @Test
        void aMissingRequiredField() {
            JsonObject problem = rejected(
                    "application/json", VALID.replace("\"firstName\": \"Ada\",", ""), 422, "validation-failed");
            assertThat(fieldOf(problem)).isEqualTo("firstName");
        }

        @Test
        void aValueOutsideItsSet() {
            JsonObject problem =
                    rejected("application/json", VALID.replace("\"NONE\"", "\"FAX\""), 422, "validation-failed");
            assertThat(fieldOf(problem)).isEqualTo("preferredChannel");
        }

        @Test
        void anInvalidEmailAndPhone() {
            assertThat(fieldOf(rejected(
                            "application/json",
                            VALID.replace("\"WEB\"}", "\"WEB\", \"email\": \"not-an-email\"}"),
                            422,
                            "validation-failed")))
                    .isEqualTo("email");
            assertThat(fieldOf(rejected(
                            "application/json",
                            VALID.replace("\"WEB\"}", "\"WEB\", \"phone\": \"3471234567\"}"),
                            422,
                            "validation-failed")))
                    .isEqualTo("phone");
        }

        @Test
        void anAbsurdBirthDate() {
            assertThat(fieldOf(rejected(
                            "application/json",
                            VALID.replace("\"WEB\"}", "\"WEB\", \"birthDate\": \"2990-01-01\"}"),
                            422,
                            "validation-failed")))
                    .isEqualTo("birthDate");
        }

        @Test
        void anOversizedField() {
            JsonObject problem = rejected(
                    "application/json",
                    VALID.replace("\"Ada\"", "\"" + "A".repeat(5_000) + "\""),
                    422,
                    "validation-failed");
            assertThat(fieldOf(problem)).isEqualTo("firstName");
        }

        @Test
        void anOversizedBody() {
            rejected(
                    "application/json",
                    VALID.replace("\"Ada\"", "\"" + "A".repeat(300_000) + "\""),
                    413,
                    "payload-too-large");
        }

        @Test
        void aBodyThatIsNotJson() {
            rejected("text/plain", "firstName=Ada", 415, "unsupported-media-type");
        }

        @Test
        void aMethodThePathDoesNotTake() {
            Api.Reply reply = API.send("PUT", "/api/v1/customers/lookup", Api.admin(), "application/json", "{}");
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.isProblem("method-not-allowed"))
                    .as(reply.toString())
                    .isTrue();
        }

        @Test
        void aPathThatDoesNotExist() {
            Api.Reply reply = API.get("/api/v1/nothing-here", Api.admin());
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.isProblem("not-found")).as(reply.toString()).isTrue();
        }

        @Test
        void aMalformedCustomerId() {
            Api.Reply reply = API.get("/api/v1/customers/not-a-uuid", Api.admin());
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.isProblem("validation-failed"))
                    .as(reply.toString())
                    .isTrue();
        }

        @Test
        void aBadProfilePatchChangesNothing() {
            JsonObject anna = enrolled("anna." + unique() + "@example.com", null);
            String token = Api.customer(anna.getString("customerId"));

            Api.Reply reply = API.patch("/api/v1/me", token, "{\"email\": \"broken\", \"firstName\": \"Annie\"}");

            assertThat(reply.isProblem("validation-failed"))
                    .as(reply.toString())
                    .isTrue();
            assertThat(API.get("/api/v1/me", token).json().getString("firstName"))
                    .isEqualTo("Marco");
        }
    }

    @Nested
    class Security {

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
                    String concrete =
                            path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    String body = List.of("post", "put", "patch").contains(method) ? "{}" : null;
                    Api.Reply reply = API.send(
                            method.toUpperCase(), concrete, null, body == null ? null : "application/json", body);
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
                    assertThat(reply.isProblem("unauthorized"))
                            .as(reply.toString())
                            .isTrue();
                    checked.add(method + " " + path);
                }
            }
            assertThat(checked)
                    .as("the OpenAPI document lists the API")
                    .contains(
                            "post /api/v1/customers",
                            "get /api/v1/customers/lookup",
                            "get /api/v1/me",
                            "patch /api/v1/me");
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
            Api.Reply enrol = API.post("/api/v1/customers", customer, Errors.VALID);
            Api.Reply me = API.get("/api/v1/me", Api.terminal("MI-001"));

            assertThat(List.of(lookup.status(), enrol.status(), me.status())).containsOnly(403);
            assertThat(lookup.isProblem("forbidden")).as(lookup.toString()).isTrue();
        }

        @Test
        void aTerminalTokenWithoutItsStoreIsForbidden() {
            String storeless = Api.token("terminal", "till-x", null);

            Api.Reply reply = API.post("/api/v1/customers", storeless, Errors.VALID);

            assertThat(reply.status()).isEqualTo(403);
        }
    }

    @Nested
    class Operations {

        @Test
        void readinessChecksTheDatabase() {
            Api.Reply ready = API.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("\"database\"").contains("UP");
            assertThat(API.get("/health/live", null).status()).isEqualTo(200);
        }

        @Test
        void metricsArePublished() {
            Api.Reply metrics = API.getAccepting("/metrics", "text/plain");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).isNotBlank();
        }

        @Test
        void theOpenApiDocumentDescribesTheApiWithExamples() {
            String document = API.getAcceptingJson("/openapi");
            assertThat(document)
                    .contains("/api/v1/customers")
                    .contains("Marco at the till")
                    .contains("bearer");
        }
    }

    @Nested
    class Wallet {

        Api.Reply adjust(String customerId, long points, String reason) {
            return API.post(
                    "/api/v1/customers/" + customerId + "/wallet/adjustments",
                    Api.admin(),
                    "{\"points\": %d, \"reason\": \"%s\", \"reference\": \"CASE-1\"}".formatted(points, reason));
        }

        @Test
        void aGoodwillCreditShowsInTheStatementAndAtTheTill() {
            JsonObject marco = enrolled(null, uniquePhone());
            String id = marco.getString("customerId");

            Api.Reply credited = adjust(id, 250, "Sorry for the wait");

            assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
            JsonObject mine = API.get("/api/v1/me/wallet", Api.customer(id)).json();
            assertThat(mine.getJsonNumber("balance").longValue()).isEqualTo(250);
            JsonObject entry = mine.getJsonArray("entries").getJsonObject(0);
            assertThat(entry.getString("type")).isEqualTo("ADJUST");
            assertThat(entry.getJsonNumber("points").longValue()).isEqualTo(250);
            assertThat(entry.getString("reason")).isEqualTo("Sorry for the wait");
            Api.Reply atTheTill =
                    API.get("/api/v1/customers/lookup?card=" + marco.getString("cardNumber"), Api.terminal("TO-002"));
            assertThat(atTheTill.json().getJsonNumber("pointsBalance").longValue())
                    .isEqualTo(250);
        }

        @Test
        void aDebitBeyondTheBalanceIsRefusedAndChangesNothing() {
            String id = enrolled(null, uniquePhone()).getString("customerId");
            adjust(id, 100, "welcome");

            Api.Reply refused = adjust(id, -101, "correction");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.isProblem("insufficient-points"))
                    .as(refused.toString())
                    .isTrue();
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + id + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + id + "'"))
                    .isEqualTo(100);
        }

        @Test
        void onlyTheConsoleAdjustsAndPagesAreBounded() {
            String id = enrolled(null, uniquePhone()).getString("customerId");

            Api.Reply byATill = API.post(
                    "/api/v1/customers/" + id + "/wallet/adjustments",
                    Api.terminal("MI-001"),
                    "{\"points\": 10, \"reason\": \"gift\"}");
            Api.Reply tooBig = API.get("/api/v1/me/wallet?size=101", Api.customer(id));

            assertThat(byATill.status()).isEqualTo(403);
            assertThat(tooBig.status()).isEqualTo(422);
            assertThat(tooBig.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("size");
        }

        @Test
        void racingAdjustmentsNeverLoseAPoint() throws Exception {
            String id = enrolled(null, uniquePhone()).getString("customerId");

            List<Integer> results = race(10, n -> adjust(id, 10, "race").status());

            long credited = results.stream().filter(s -> s == 201).count();
            assertThat(credited).isPositive();
            assertThat(results).allMatch(s -> s == 201 || s == 409);
            long cached = Api.count("SELECT balance FROM wallet WHERE customer_id = '" + id + "'");
            long ledger = Api.count("SELECT SUM(points) FROM wallet_entry WHERE customer_id = '" + id + "'");
            assertThat(cached).isEqualTo(ledger).isEqualTo(10 * credited);
        }
    }

    @Nested
    class Coupons {

        static final String WELCOME =
                """
                {"name": "Newsletter welcome", "discount": {"type": "AMOUNT_OFF", "value": 500},
                 "minSpend": 2000, "channels": ["STORE"], "validDays": 30, "perCustomerLimit": 1}""";

        String template(String body) {
            Api.Reply created = API.post("/api/v1/coupon-templates", Api.admin(), body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().getString("templateId");
        }

        Api.Reply issue(String templateId, String body) {
            return API.post("/api/v1/coupon-templates/" + templateId + "/issue", Api.admin(), body);
        }

        @Test
        void elenaGetsAPersonalStoreCouponAndSeesItInTheApp() {
            String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
            String templateId = template(WELCOME);

            Api.Reply issued = issue(templateId, "{\"customerId\": \"" + elena + "\"}");

            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            String code = issued.json().getString("code");
            assertThat(code).matches("[2-9A-HJ-NP-Z]{9}");
            JsonObject mine = API.get("/api/v1/me/coupons", Api.customer(elena))
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(mine.getString("code")).isEqualTo(code);
            assertThat(mine.getString("status")).isEqualTo("ISSUED");
            assertThat(mine.getJsonObject("discount").getJsonNumber("value").longValue())
                    .isEqualTo(500);
            assertThat(mine.getJsonNumber("minSpend").longValue()).isEqualTo(2000);
            assertThat(mine.getJsonArray("channels").getString(0)).isEqualTo("STORE");
            assertThat(java.time.Instant.parse(mine.getString("validUntil")))
                    .isBetween(
                            java.time.Instant.now().plusSeconds(29 * 86_400L),
                            java.time.Instant.now().plusSeconds(31 * 86_400L));
        }

        @Test
        void tenThousandBearerCodesAreIssuedAtOnce() {
            String templateId = template(WELCOME.replace("Newsletter welcome", "Flyer " + unique()));

            long started = System.nanoTime();
            Api.Reply issued = issue(templateId, "{\"count\": 10000}");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            assertThat(issued.json().getJsonArray("codes")).hasSize(10_000);
            assertThat(Api.count("SELECT COUNT(DISTINCT code) FROM coupon WHERE template_id = '" + templateId + "'"))
                    .isEqualTo(10_000);
            System.out.printf("10,000 bearer coupon codes issued in %d ms%n", millis);
        }

        @Test
        void badTemplatesAndRequestsAreRefusedAndChangeNothing() {
            long templates = Api.count("SELECT COUNT(*) FROM coupon_template");
            String templateId = template(WELCOME);
            long coupons = Api.count("SELECT COUNT(*) FROM coupon");

            Api.Reply percent = API.post(
                    "/api/v1/coupon-templates",
                    Api.admin(),
                    WELCOME.replace("\"AMOUNT_OFF\", \"value\": 500", "\"PERCENT_OFF\", \"value\": 150"));
            Api.Reply channel = API.post("/api/v1/coupon-templates", Api.admin(), WELCOME.replace("STORE", "FAX"));
            Api.Reply both = issue(templateId, "{\"customerId\": \"" + UUID.randomUUID() + "\", \"count\": 2}");
            Api.Reply tooMany = issue(templateId, "{\"count\": 10001}");
            Api.Reply unknown = issue(UUID.randomUUID().toString(), "{\"count\": 1}");
            Api.Reply byATill = API.post("/api/v1/coupon-templates", Api.terminal("MI-001"), WELCOME);

            assertThat(percent.isProblem("validation-failed"))
                    .as(percent.toString())
                    .isTrue();
            assertThat(channel.isProblem("validation-failed"))
                    .as(channel.toString())
                    .isTrue();
            assertThat(both.isProblem("validation-failed")).as(both.toString()).isTrue();
            assertThat(tooMany.isProblem("validation-failed"))
                    .as(tooMany.toString())
                    .isTrue();
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.isProblem("coupon-template-not-found"))
                    .as(unknown.toString())
                    .isTrue();
            assertThat(byATill.status()).isEqualTo(403);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon_template")).isEqualTo(templates + 1);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon")).isEqualTo(coupons);
        }
    }

    @Nested
    class Quotes {

        String elena;
        String code;

        String quote(String storeId, String channel, String lines, String couponCode) {
            return """
                    {"storeId": "%s", "customerId": "%s", "channel": "%s", "lines": [%s], "couponCodes": ["%s"]}"""
                    .formatted(storeId, elena, channel, lines, couponCode);
        }

        JsonObject quoted(String body) {
            Api.Reply reply = API.post("/api/v1/checkouts/quote", Api.terminal("MI-001"), body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.json();
        }

        @org.junit.jupiter.api.BeforeEach
        void elenaHoldsAWelcomeCoupon() {
            elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
            Api.Reply template = API.post("/api/v1/coupon-templates", Api.admin(), Coupons.WELCOME);
            Api.Reply issued = API.post(
                    "/api/v1/coupon-templates/" + template.json().getString("templateId") + "/issue",
                    Api.admin(),
                    "{\"customerId\": \"" + elena + "\"}");
            code = issued.json().getString("code");
        }

        @Test
        void belowTheMinimumTheCouponIsRejectedWithTheReason() {
            JsonObject quote = quoted(quote(
                    "MI-001",
                    "STORE",
                    """
                    {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 2, "unitPrice": 599},
                    {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}""",
                    code));

            JsonObject coupon = quote.getJsonArray("coupons").getJsonObject(0);
            assertThat(coupon.getString("status")).isEqualTo("REJECTED");
            assertThat(coupon.getString("code")).isEqualTo("coupon-min-spend-not-met");
            assertThat(coupon.getString("detail")).contains("16.48 EUR").contains("20.00 EUR");
            assertThat(quote.getJsonObject("totals").getJsonNumber("net").longValue())
                    .isEqualTo(1648);
            assertThat(quote.getJsonNumber("pointsToEarn").longValue()).isEqualTo(16);
        }

        @Test
        void aboveItTheDiscountApplesAndPointsAreEarnedOnTheNet() {
            JsonObject quote = quoted(quote(
                    "MI-001",
                    "STORE",
                    """
                    {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""",
                    code.substring(0, 4) + "-" + code.substring(4, 8) + "-"
                            + code.substring(8).toLowerCase()));

            JsonObject coupon = quote.getJsonArray("coupons").getJsonObject(0);
            assertThat(coupon.getString("status")).as(quote.toString()).isEqualTo("APPLICABLE");
            assertThat(coupon.getJsonNumber("discount").longValue()).isEqualTo(500);
            JsonObject totals = quote.getJsonObject("totals");
            assertThat(totals.getJsonNumber("gross").longValue()).isEqualTo(6000);
            assertThat(totals.getJsonNumber("net").longValue()).isEqualTo(5500);
            assertThat(quote.getJsonNumber("pointsToEarn").longValue()).isEqualTo(55);
        }

        @Test
        void aStoreCouponIsRejectedOnlineAndATypoIsCaught() {
            String lines =
                    """
                    {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";

            JsonObject online = quoted(quote("MI-001", "ONLINE", lines, code));
            String typo = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
            JsonObject mistyped = quoted(quote("MI-001", "STORE", lines, typo));

            assertThat(online.getJsonArray("coupons").getJsonObject(0).getString("code"))
                    .isEqualTo("coupon-not-valid-in-channel");
            assertThat(mistyped.getJsonArray("coupons").getJsonObject(0).getString("code"))
                    .isEqualTo("coupon-code-invalid");
        }

        @Test
        void aQuoteChangesNothingAndATillQuotesOnlyForItsStore() {
            String lines =
                    """
                    {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";
            quoted(quote("MI-001", "STORE", lines, code));

            Api.Reply otherStore =
                    API.post("/api/v1/checkouts/quote", Api.terminal("MI-001"), quote("RM-009", "STORE", lines, code));

            assertThat(otherStore.status()).isEqualTo(403);
            assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("status"))
                    .isEqualTo("ISSUED");
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'"))
                    .isZero();
        }
    }

    /** Sum of entries = cached balance for every wallet; capped templates' counters = redeemed coupons. */
    static void theBooksBalance() {
        assertThat(
                        Api.count(
                                "SELECT COUNT(*) FROM wallet w WHERE w.balance < 0 OR w.balance <>"
                                        + " (SELECT COALESCE(SUM(e.points), 0) FROM wallet_entry e WHERE e.customer_id = w.customer_id)"))
                .as("wallets whose cached balance is not the sum of their ledger")
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM coupon_template t WHERE t.max_redemptions IS NOT NULL"
                        + " AND t.redemptions <>"
                        + " (SELECT COUNT(*) FROM coupon c WHERE c.template_id = t.id AND c.status = 'REDEEMED')"))
                .as("capped templates whose redemption counter is not the number of redeemed coupons")
                .isZero();
    }

    static <T> List<T> race(int threads, java.util.function.IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class Purchases {

        static final String TEN_LASAGNE =
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";

        static String purchase(
                String storeId, String receipt, String customer, String lines, long paid, String... codes) {
            return """
                    {"storeId": "%s", "receiptId": "%s", "occurredAt": "%s", %s "channel": "STORE",
                     "lines": [%s], "couponCodes": [%s], "totalPaid": %d}"""
                    .formatted(
                            storeId,
                            receipt,
                            java.time.Instant.now().minusSeconds(5),
                            customer == null ? "" : "\"customerId\": \"" + customer + "\",",
                            lines,
                            String.join(
                                    ",",
                                    java.util.Arrays.stream(codes)
                                            .map(c -> '"' + c + '"')
                                            .toList()),
                            paid);
        }

        static String template(String body) {
            Api.Reply created = API.post("/api/v1/coupon-templates", Api.admin(), body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().getString("templateId");
        }

        static String personalCoupon(String templateId, String customer) {
            return API.post(
                            "/api/v1/coupon-templates/" + templateId + "/issue",
                            Api.admin(),
                            "{\"customerId\": \"" + customer + "\"}")
                    .json()
                    .getString("code");
        }

        static List<String> bearerCodes(String templateId, int count) {
            return API
                    .post(
                            "/api/v1/coupon-templates/" + templateId + "/issue",
                            Api.admin(),
                            "{\"count\": " + count + "}")
                    .json()
                    .getJsonArray("codes")
                    .getValuesAs(jakarta.json.JsonString.class)
                    .stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList();
        }

        static Api.Reply record(String body) {
            return API.post("/api/v1/purchases", Api.terminal("MI-001"), body);
        }

        @Test
        void elenaPaysWithHerCouponEarnsOnTheNetAndTheTillPrintsHerBalance() {
            String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
            String code = personalCoupon(template(Coupons.WELCOME), elena);

            Api.Reply paid = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, code));

            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            JsonObject receipt = paid.json();
            assertThat(paid.location()).endsWith("/api/v1/purchases/" + receipt.getString("purchaseId"));
            assertThat(receipt.getJsonNumber("pointsAwarded").longValue()).isEqualTo(55);
            assertThat(receipt.getJsonNumber("walletBalance").longValue()).isEqualTo(55);
            assertThat(receipt.getJsonArray("couponsRedeemed").getString(0)).isEqualTo(code);
            assertThat(receipt.getJsonArray("couponDiscounts")
                            .getJsonObject(0)
                            .getJsonNumber("discount")
                            .longValue())
                    .isEqualTo(500);
            assertThat(receipt.getJsonObject("totals").getJsonNumber("net").longValue())
                    .isEqualTo(5500);
            JsonObject wallet =
                    API.get("/api/v1/me/wallet", Api.customer(elena)).json();
            assertThat(wallet.getJsonNumber("balance").longValue()).isEqualTo(55);
            JsonObject earned = wallet.getJsonArray("entries").getJsonObject(0);
            assertThat(earned.getString("type")).isEqualTo("EARN");
            assertThat(earned.getString("reference")).isEqualTo("purchase:" + receipt.getString("purchaseId"));
            assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("status"))
                    .isEqualTo("REDEEMED");
            assertThat(Api.count(
                            "SELECT COUNT(*) FROM domain_event WHERE type = 'PURCHASE_RECORDED' AND aggregate_id = '"
                                    + receipt.getString("purchaseId") + "'"))
                    .isEqualTo(1);
            Api.Reply read = API.get("/api/v1/purchases/" + receipt.getString("purchaseId"), Api.customer(elena));
            assertThat(read.json()
                            .getJsonArray("lines")
                            .getJsonObject(0)
                            .getJsonNumber("net")
                            .longValue())
                    .isEqualTo(5500);
            assertThat(API.get("/api/v1/purchases/" + receipt.getString("purchaseId"), Api.terminal("RM-009"))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void aCouponThatCannotBeAppliedRejectsThePurchaseAndNothingChanges() {
            String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
            String code = personalCoupon(template(Coupons.WELCOME), elena);
            assertThat(record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, code))
                            .status())
                    .isEqualTo(201);
            long purchases = Api.count("SELECT COUNT(*) FROM purchase");
            long entries = Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'");
            String fresh = personalCoupon(template(Coupons.WELCOME), elena);
            String small =
                    """
                    {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}""";

            Api.Reply again = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5000, fresh, code));
            Api.Reply belowMinimum = record(purchase("MI-001", "R-" + unique(), elena, small, 450, fresh));
            Api.Reply typo = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, "AAAA-AAAA-A"));

            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.isProblem("coupon-already-redeemed")).isTrue();
            assertThat(belowMinimum.isProblem("coupon-min-spend-not-met"))
                    .as(belowMinimum.toString())
                    .isTrue();
            assertThat(belowMinimum.json().getString("detail")).contains("4.50 EUR");
            assertThat(typo.isProblem("coupon-code-invalid"))
                    .as(typo.toString())
                    .isTrue();
            assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'"))
                    .isEqualTo(entries);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE code = '" + fresh + "' AND status = 'ISSUED'"))
                    .isEqualTo(1);
        }

        @Test
        void aReceiptIsRecordedOncePerStoreAndBadPurchasesAreRefused() {
            String marco = enrolled(null, uniquePhone()).getString("customerId");
            String receipt = "R-" + unique();
            assertThat(record(purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000))
                            .status())
                    .isEqualTo(201);
            long purchases = Api.count("SELECT COUNT(*) FROM purchase");

            Api.Reply twice = record(purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000));
            Api.Reply overpaid = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6001));
            Api.Reply badTime = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000)
                    .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"yesterday\""));
            Api.Reply future = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000)
                    .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"2099-01-01T00:00:00Z\""));
            Api.Reply otherStore = record(purchase("RM-009", "R-" + unique(), marco, TEN_LASAGNE, 6000));
            Api.Reply byACustomer = API.post(
                    "/api/v1/purchases",
                    Api.customer(marco),
                    purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000));
            Api.Reply badKey = API.post(
                    "/api/v1/purchases",
                    Api.terminal("MI-001"),
                    purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000),
                    "x".repeat(256));

            assertThat(twice.isProblem("purchase-already-recorded"))
                    .as(twice.toString())
                    .isTrue();
            assertThat(twice.status()).isEqualTo(409);
            assertThat(overpaid.isProblem("validation-failed"))
                    .as(overpaid.toString())
                    .isTrue();
            assertThat(overpaid.body()).contains("totalPaid");
            assertThat(badTime.isProblem("validation-failed")).isTrue();
            assertThat(badTime.body()).contains("occurredAt");
            assertThat(future.body()).contains("occurredAt");
            assertThat(otherStore.status()).isEqualTo(403);
            assertThat(byACustomer.status()).isEqualTo(403);
            assertThat(badKey.isProblem("validation-failed"))
                    .as(badKey.toString())
                    .isTrue();
            assertThat(badKey.body()).contains("Idempotency-Key");
            assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
        }

        @Test
        void theSamePurchaseSentTwentyTimesAtOnceAndTwentyTimesAfterIsRecordedOnce() throws Exception {
            String marco = enrolled(null, uniquePhone()).getString("customerId");
            String receipt = "R-" + unique();
            String body = purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000);
            String key = UUID.randomUUID().toString();

            List<Api.Reply> concurrent =
                    race(20, n -> API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key));
            List<Api.Reply> sequential = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sequential.add(API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key));
            }
            Api.Reply otherBody =
                    API.post("/api/v1/purchases", Api.terminal("MI-001"), body.replace("6000", "5999"), key);

            List<Api.Reply> all = new ArrayList<>(concurrent);
            all.addAll(sequential);
            assertThat(all)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            assertThat(all.stream().map(Api.Reply::body).distinct()).hasSize(1);
            assertThat(all.stream().map(Api.Reply::location).distinct()).hasSize(1);
            assertThat(all.stream().filter(r -> !r.replayed())).hasSize(1);
            assertThat(otherBody.status()).isEqualTo(422);
            assertThat(otherBody.isProblem("idempotency-key-reused")).isTrue();
            assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE receipt_id = '" + receipt + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(60);
            theBooksBalance();
        }

        @Test
        void fiftyTillsRedeemingOneCouponAtOnceRedeemItOnce() throws Exception {
            String templateId =
                    template(Coupons.WELCOME.replace("\"perCustomerLimit\": 1", "\"perCustomerLimit\": 100"));
            String code = bearerCodes(templateId, 1).get(0);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                customers.add(enrolled(null, uniquePhone()).getString("customerId"));
            }
            long purchases = Api.count("SELECT COUNT(*) FROM purchase");

            List<Api.Reply> replies = race(
                    50,
                    n -> record(purchase(
                            "MI-001", "R-" + unique() + "-" + n, customers.get(n % 5), TEN_LASAGNE, 5500, code)));

            assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() != 201))
                    .hasSize(49)
                    .allSatisfy(r -> assertThat(r.isProblem("coupon-already-redeemed"))
                            .as(r.toString())
                            .isTrue());
            assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases + 1);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId
                            + "' AND status = 'REDEEMED'"))
                    .isEqualTo(1);
            theBooksBalance();
        }

        @Test
        void fiftyTillsRedeemingCouponsOfATemplateCappedAtThreeRedeemThree() throws Exception {
            String templateId = template(
                    """
                    {"name": "First three", "discount": {"type": "PERCENT_OFF", "value": 10},
                     "channels": ["STORE"], "validDays": 30, "maxRedemptions": 3}""");
            List<String> codes = bearerCodes(templateId, 50);
            String marco = enrolled(null, uniquePhone()).getString("customerId");

            List<Api.Reply> replies = race(
                    50,
                    n -> record(purchase("MI-001", "R-" + unique() + "-" + n, marco, TEN_LASAGNE, 5400, codes.get(n))));

            assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(3);
            assertThat(replies.stream().filter(r -> r.status() != 201))
                    .allSatisfy(r -> assertThat(r.isProblem("coupon-redemption-cap-reached"))
                            .as(r.toString())
                            .isTrue());
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId
                            + "' AND status = 'REDEEMED'"))
                    .isEqualTo(3);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(3 * 54);
            theBooksBalance();
        }

        @Test
        void aRefundByLinesThenAVoidTakeThePointsBackAndGiveTheCouponBack() {
            String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
            String code = personalCoupon(template(Coupons.WELCOME), elena);
            String lines = TEN_LASAGNE + ","
                    + """
                    {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 2, "unitPrice": 500}""";
            JsonObject receipt = record(purchase("MI-001", "R-" + unique(), elena, lines, 6500, code))
                    .json();
            String id = receipt.getString("purchaseId");
            assertThat(receipt.getJsonNumber("pointsAwarded").longValue()).isEqualTo(65);

            Api.Reply refund = API.post(
                    "/api/v1/purchases/" + id + "/reversal",
                    Api.terminal("MI-001"),
                    "{\"lines\": [{\"lineNumber\": 2, \"quantity\": 1}], \"reason\": \"refund\"}");
            Api.Reply tooMuch = API.post(
                    "/api/v1/purchases/" + id + "/reversal",
                    Api.terminal("MI-001"),
                    "{\"lines\": [{\"lineNumber\": 2, \"quantity\": 2}]}");
            Api.Reply elsewhere = API.post("/api/v1/purchases/" + id + "/reversal", Api.terminal("RM-009"), "{}");
            Api.Reply voided = API.post("/api/v1/purchases/" + id + "/reversal", Api.terminal("MI-001"), "{}");
            Api.Reply again = API.post("/api/v1/purchases/" + id + "/reversal", Api.admin(), "{}");

            assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
            // one shampoo: half of 10.00 less its part (0.71, largest remainder) of the 5.00 coupon
            assertThat(refund.json().getJsonNumber("amount").longValue()).isEqualTo(464);
            assertThat(refund.json().getJsonNumber("pointsReversed").longValue())
                    .isEqualTo(4);
            assertThat(refund.json().getJsonArray("couponsRestored")).isEmpty();
            assertThat(tooMuch.isProblem("reversal-exceeds-purchase"))
                    .as(tooMuch.toString())
                    .isTrue();
            assertThat(elsewhere.status()).isEqualTo(403);
            assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
            assertThat(voided.json().getJsonNumber("pointsReversed").longValue())
                    .isEqualTo(61);
            assertThat(voided.json().getJsonArray("couponsRestored").getString(0))
                    .isEqualTo(code);
            assertThat(voided.json().getJsonNumber("walletBalance").longValue()).isZero();
            assertThat(again.json().getJsonNumber("pointsReversed").longValue()).isZero();
            assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("status"))
                    .isEqualTo("ISSUED");
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena
                            + "' AND type = 'REVERSE'"))
                    .isEqualTo(2);
            assertThat(Api.count("SELECT COUNT(*) FROM purchase_reversal WHERE purchase_id = '" + id + "'"))
                    .isEqualTo(2);
            theBooksBalance();
        }
    }

    @Nested
    class Rewards {

        @Test
        void fiftyClaimsOnABalanceThatAffordsThreeGiveThreeCoupons() throws Exception {
            String marco = enrolled(null, uniquePhone()).getString("customerId");
            Api.Reply credited = API.post(
                    "/api/v1/customers/" + marco + "/wallet/adjustments",
                    Api.admin(),
                    "{\"points\": 350, \"reason\": \"goodwill\"}");
            assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
            String templateId = Purchases.template(Coupons.WELCOME);
            Api.Reply defined = API.post(
                    "/api/v1/rewards",
                    Api.admin(),
                    "{\"name\": \"5 EUR off\", \"pointsCost\": 100, \"templateId\": \"" + templateId + "\"}");
            assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
            String reward = defined.json().getString("rewardId");

            List<Api.Reply> claims =
                    race(50, n -> API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), ""));

            assertThat(claims.stream().filter(r -> r.status() == 201)).hasSize(3);
            assertThat(claims.stream().filter(r -> r.status() != 201))
                    .hasSize(47)
                    .allSatisfy(r -> assertThat(r.isProblem("insufficient-points"))
                            .as(r.toString())
                            .isTrue());
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(3);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(50);
            assertThat(API.get("/api/v1/rewards", Api.customer(marco)).body()).contains(reward);
            theBooksBalance();
        }

        @Test
        void aRetriedClaimPaysOnceAndOnlyCustomersClaimKnownRewards() {
            String marco = enrolled(null, uniquePhone()).getString("customerId");
            API.post(
                    "/api/v1/customers/" + marco + "/wallet/adjustments",
                    Api.admin(),
                    "{\"points\": 250, \"reason\": \"goodwill\"}");
            String templateId = Purchases.template(Coupons.WELCOME);
            String reward = API.post(
                            "/api/v1/rewards",
                            Api.admin(),
                            "{\"name\": \"5 EUR off\", \"pointsCost\": 100, \"templateId\": \"" + templateId + "\"}")
                    .json()
                    .getString("rewardId");
            String key = UUID.randomUUID().toString();

            Api.Reply first = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), "", key);
            Api.Reply retry = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), "", key);
            Api.Reply byATill = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.terminal("MI-001"), "");
            Api.Reply unknown = API.post("/api/v1/me/rewards/" + UUID.randomUUID() + "/claim", Api.customer(marco), "");
            Api.Reply badTemplate = API.post(
                    "/api/v1/rewards",
                    Api.admin(),
                    "{\"name\": \"x\", \"pointsCost\": 0, \"templateId\": \"" + templateId + "\"}");

            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(first.json().getJsonNumber("walletBalance").longValue()).isEqualTo(150);
            assertThat(retry.replayed()).isTrue();
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(byATill.status()).isEqualTo(403);
            assertThat(unknown.isProblem("reward-not-found"))
                    .as(unknown.toString())
                    .isTrue();
            assertThat(badTemplate.isProblem("validation-failed"))
                    .as(badTemplate.toString())
                    .isTrue();
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(150);
        }
    }

    @Nested
    class EarningRules {

        @Test
        void theConsoleAddsAVersionAndTheNextPurchaseEarnsByIt() {
            Api.Reply added = API.post(
                    "/api/v1/earning-rules",
                    Api.admin(),
                    """
                    {"pointsPerCurrencyUnit": 1, "categoryMultipliers": {"it-fresh-food": 300},
                     "excludedCategories": ["it-tobacco"], "rounding": "FLOOR", "effectiveFrom": "%s"}"""
                            // the purchase below occurs 5 s ago by the till's clock: the version must be in force
                            .formatted(java.time.Instant.now().minusSeconds(30)));
            Api.Reply past = API.post(
                    "/api/v1/earning-rules",
                    Api.admin(),
                    "{\"pointsPerCurrencyUnit\": 5, \"effectiveFrom\": \"2020-01-01T00:00:00Z\"}");
            Api.Reply byATill =
                    API.post("/api/v1/earning-rules", Api.terminal("MI-001"), "{\"pointsPerCurrencyUnit\": 5}");
            Api.Reply badRounding = API.post(
                    "/api/v1/earning-rules", Api.admin(), "{\"pointsPerCurrencyUnit\": 1, \"rounding\": \"UP\"}");
            String marco = enrolled(null, uniquePhone()).getString("customerId");
            Api.Reply paid = API.post(
                    "/api/v1/purchases",
                    Api.terminal("MI-001"),
                    Purchases.purchase(
                            "MI-001",
                            "R-" + unique(),
                            marco,
                            """
                            {"sku": "APPLES", "category": "it-fresh-food", "quantity": 1, "unitPrice": 1000},
                            {"sku": "CIGARS", "category": "it-tobacco", "quantity": 1, "unitPrice": 900},
                            {"sku": "BREAD", "category": "bakery", "quantity": 1, "unitPrice": 250}""",
                            2150));
            JsonObject history = API.get("/api/v1/earning-rules", Api.admin()).json();

            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(past.isProblem("validation-failed")).as(past.toString()).isTrue();
            assertThat(past.body()).contains("effectiveFrom");
            assertThat(byATill.status()).isEqualTo(403);
            assertThat(badRounding.isProblem("validation-failed"))
                    .as(badRounding.toString())
                    .isTrue();
            assertThat(paid.json().getJsonNumber("pointsAwarded").longValue())
                    .as("30 for the apples at triple points, none for tobacco, 2 for the bread")
                    .isEqualTo(32);
            assertThat(history.getJsonObject("current")
                            .getJsonObject("categoryMultipliers")
                            .getInt("it-fresh-food"))
                    .isEqualTo(300);
            assertThat(history.getJsonArray("versions").size()).isGreaterThanOrEqualTo(2);
        }
    }

    /** Tiers: the scenarios are in {@link TierScenarios}. */
    @Nested
    class Tiers extends TierScenarios {}

    @Nested
    class History extends HistoryScenarios {}

    @Nested
    class Catalogue extends CatalogueScenarios {}

    @Nested
    class Privacy {

        @Test
        void anExportHoldsEverythingAndAnErasureKeepsTheBooksBalanced() {
            String email = "elena." + unique() + "@example.com";
            String phone = uniquePhone();
            String elena = enrolled(email, phone).getString("customerId");
            Api.Reply paid = API.post(
                    "/api/v1/purchases",
                    Api.terminal("MI-001"),
                    Purchases.purchase("MI-001", "R-" + unique(), elena, Purchases.TEN_LASAGNE, 6000));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

            Api.Reply export = API.get("/api/v1/customers/" + elena + "/export", Api.admin());
            Api.Reply byATill = API.send("DELETE", "/api/v1/customers/" + elena, Api.terminal("MI-001"), null, null);
            Api.Reply erased = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);
            Api.Reply again = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);
            Api.Reply unknown = API.send("DELETE", "/api/v1/customers/" + UUID.randomUUID(), Api.admin(), null, null);
            JsonObject after =
                    API.get("/api/v1/customers/" + elena, Api.admin()).json();
            Api.Reply byEmail = API.get("/api/v1/customers/lookup?email=" + email, Api.admin());
            Api.Reply reEnrolled =
                    API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(email, phone, "MI-001"));

            assertThat(export.status()).as(export.toString()).isEqualTo(200);
            JsonObject held = export.json();
            assertThat(held.getJsonObject("customer").getString("email")).isEqualTo(email);
            assertThat(held.getJsonArray("consentHistory")).hasSize(4);
            assertThat(held.getJsonArray("ledger").getJsonObject(0).getString("type"))
                    .isEqualTo("EARN");
            assertThat(held.getJsonArray("purchases")).hasSize(1);
            assertThat(held.getJsonNumber("pointsBalance").longValue()).isEqualTo(60);
            assertThat(byATill.status()).isEqualTo(403);
            assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
            assertThat(again.status()).isEqualTo(204);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(after.getString("firstName")).isEqualTo("(erased)");
            assertThat(after.containsKey("email")).isFalse();
            assertThat(after.containsKey("phone")).isFalse();
            assertThat(after.containsKey("lastName")).isFalse();
            assertThat(after.getJsonObject("consents").getBoolean("marketingSms"))
                    .isFalse();
            assertThat(after.getJsonNumber("pointsBalance").longValue()).isEqualTo(60);
            assertThat(byEmail.status()).isEqualTo(404);
            assertThat(reEnrolled.status())
                    .as("the email and phone are free again")
                    .isEqualTo(201);
            assertThat(Api.count("SELECT COUNT(*) FROM domain_event WHERE type = 'CUSTOMER_ERASED' AND aggregate_id = '"
                            + elena + "'"))
                    .isEqualTo(1);
            theBooksBalance();
        }
    }

    @Nested
    class Messaging {

        String marcoWithSmsConsent() {
            return enrolled(null, uniquePhone()).getString("customerId");
        }

        Api.Reply send(String customer, String body) {
            return API.post("/api/v1/customers/" + customer + "/messages", Api.admin(), body);
        }

        String sent(String customer, String body) {
            Api.Reply reply = send(customer, body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            return reply.json().getString("messageId");
        }

        jakarta.json.JsonArray messagesOf(String customer) {
            Api.Reply reply = API.get("/api/v1/customers/" + customer + "/messages", Api.admin());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return Json.createReader(new StringReader(reply.body())).readArray();
        }

        /** Waits (at most 30 s) until none of the customer's messages is QUEUED any more. */
        jakarta.json.JsonArray settled(String customer) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                jakarta.json.JsonArray messages = messagesOf(customer);
                boolean queued = messages.stream()
                        .anyMatch(m -> m.asJsonObject().getString("status").equals("QUEUED"));
                if (!queued || System.nanoTime() > deadline) {
                    return messages;
                }
                Thread.sleep(200);
            }
        }

        @Test
        void aMessageIsSentAfterCommitAndListedNewestFirstWithItsHistory() throws Exception {
            String marco = marcoWithSmsConsent();
            String first = sent(marco, "{\"template\": \"Ciao {firstName}\", \"transactional\": true}");
            String second = sent(
                    marco,
                    "{\"template\": \"Il tuo coupon {couponCode}\", \"values\": {\"couponCode\": \"K7P2QX9M4\"}}");

            jakarta.json.JsonArray messages = settled(marco);

            assertThat(messages).hasSize(2);
            JsonObject newest = messages.getJsonObject(0);
            assertThat(newest.getString("messageId")).isEqualTo(second);
            assertThat(messages.getJsonObject(1).getString("messageId")).isEqualTo(first);
            assertThat(newest.getString("status")).isEqualTo("SENT");
            assertThat(newest.getString("channel")).isEqualTo("SMS");
            assertThat(newest.getString("kind")).isEqualTo("MARKETING");
            assertThat(messages.getJsonObject(1).getString("kind")).isEqualTo("TRANSACTIONAL");
            assertThat(newest.getJsonArray("history").stream()
                            .map(h -> h.asJsonObject().getString("status"))
                            .toList())
                    .containsExactly("QUEUED", "ATTEMPT", "SENT");
            assertThat(Api.count(
                            "SELECT COUNT(*) FROM message WHERE customer_id = '" + marco + "' AND status = 'SENT'"))
                    .isEqualTo(2);
        }

        @Test
        void tenCampaignsInADayLetOnlyTheCapThrough() throws Exception {
            String marco = marcoWithSmsConsent();
            for (int priority = 1; priority <= 10; priority++) {
                sent(marco, "{\"template\": \"Campagna %d\", \"priority\": %d}".formatted(priority, priority));
            }

            jakarta.json.JsonArray messages = settled(marco);

            assertThat(messages.stream()
                            .filter(m -> m.asJsonObject().getString("status").equals("SENT")))
                    .hasSize(2);
            assertThat(messages.stream()
                            .map(jakarta.json.JsonValue::asJsonObject)
                            .filter(m -> m.getString("status").equals("SUPPRESSED")))
                    .hasSize(8)
                    .allSatisfy(m -> assertThat(m.getString("reason")).contains("marketing pressure"));
        }

        @Test
        void withoutConsentAMarketingMessageIsSuppressedWithItsReason() throws Exception {
            String email = "nocontact." + unique() + "@example.com";
            String elena = enrolled(email, null).getString("customerId");

            sent(elena, "{\"template\": \"Offerta\", \"channel\": \"EMAIL\"}");

            JsonObject message = settled(elena).getJsonObject(0);
            assertThat(message.getString("status")).isEqualTo("SUPPRESSED");
            assertThat(message.getString("reason")).contains("no consent MARKETING_EMAIL");
        }

        @Test
        void aDeadLetterIsListedAndOnlyADeadLetterCanBeRetried() throws Exception {
            String marco = marcoWithSmsConsent();
            String broken = sent(marco, "{\"template\": \"Usa {couponCode}\", \"transactional\": true}");
            String fine = sent(marco, "{\"template\": \"Ciao\", \"transactional\": true}");
            settled(marco);

            Api.Reply failed = API.get("/api/v1/messages?status=FAILED&limit=500", Api.admin());
            assertThat(failed.body()).contains(broken).contains("placeholders without a value: couponCode");
            Api.Reply retried = API.post("/api/v1/messages/" + broken + "/retry", Api.admin(), "");
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().getString("status")).isEqualTo("QUEUED");

            Api.Reply notFailed = API.post("/api/v1/messages/" + fine + "/retry", Api.admin(), "");
            assertThat(notFailed.status()).isEqualTo(409);
            assertThat(notFailed.isProblem("message-not-retryable"))
                    .as(notFailed.toString())
                    .isTrue();
            Api.Reply unknown = API.post("/api/v1/messages/not-a-message/retry", Api.admin(), "");
            assertThat(unknown.isProblem("message-not-found"))
                    .as(unknown.toString())
                    .isTrue();
            assertThat(API.get("/api/v1/messages?status=LOST", Api.admin()).isProblem("validation-failed"))
                    .isTrue();
            assertThat(API.get("/api/v1/customers/" + marco + "/messages", Api.customer(marco))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void badInputIsAProblemNeverA500() {
            String marco = marcoWithSmsConsent();

            assertThat(send(marco, "{\"template\": \"\"}").status()).isEqualTo(422);
            assertThat(send(marco, "{\"template\": \"x\", \"channel\": \"PIGEON\"}")
                            .isProblem("validation-failed"))
                    .isTrue();
            assertThat(send(UUID.randomUUID().toString(), "{\"template\": \"x\"}")
                            .isProblem("customer-not-found"))
                    .isTrue();
            Api.Reply link = API.get("/api/v1/unsubscribe?token=forged.link", null);
            assertThat(link.isProblem("unsubscribe-link-invalid"))
                    .as(link.toString())
                    .isTrue();
            Api.Reply unsigned = API.send(
                    "POST",
                    "/api/v1/gateways/twilio/status",
                    null,
                    "application/x-www-form-urlencoded",
                    "MessageSid=SM1&MessageStatus=delivered");
            assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(403);
        }

        @Test
        void aTemplateIsCheckedWhenSavedPreviewedAndNamedByAMessage() throws Exception {
            String name = "welcome-" + unique();
            Api.Reply unknown = API.send(
                    "PUT",
                    "/api/v1/message-templates/" + name + "/it",
                    Api.admin(),
                    "application/json",
                    "{\"body\": \"Ciao {nome}\"}");
            assertThat(unknown.isProblem("validation-failed"))
                    .as(unknown.toString())
                    .isTrue();
            Api.Reply saved = API.send(
                    "PUT",
                    "/api/v1/message-templates/" + name + "/it",
                    Api.admin(),
                    "application/json",
                    "{\"subject\": \"Benvenuto\", \"body\": \"Ciao {firstName}, ecco {couponCode}\"}");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

            Api.Reply preview = API.post(
                    "/api/v1/message-templates/" + name + "/it/preview",
                    Api.admin(),
                    "{\"values\": {\"firstName\": \"Elena\"}}");
            assertThat(preview.json().getString("text")).isEqualTo("Ciao Elena, ecco K7P2QX9M4");
            assertThat(API.post("/api/v1/message-templates/" + name + "/en/preview", Api.admin(), "{}")
                            .isProblem("message-template-not-found"))
                    .isTrue();

            String marco = marcoWithSmsConsent();
            sent(
                    marco,
                    "{\"template\": \"@%s\", \"values\": {\"couponCode\": \"X1\"}, \"transactional\": true}"
                            .formatted(name));
            assertThat(settled(marco).getJsonObject(0).getString("status")).isEqualTo("SENT");
        }

        @Test
        void aStaffCallWaitsOnItsStoresCallListUntilCalled() throws Exception {
            String marco = marcoWithSmsConsent();
            String call =
                    sent(marco, "{\"template\": \"{firstName}: la crema sta finendo?\", \"channel\": \"STAFF_CALL\"}");
            settled(marco);

            Api.Reply list = API.get("/api/v1/stores/MI-001/call-list", Api.terminal("MI-001"));
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.body()).contains(call).contains("Marco: la crema sta finendo?");
            assertThat(API.get("/api/v1/stores/MI-001/call-list", Api.terminal("RM-002"))
                            .status())
                    .isEqualTo(403);

            Api.Reply called = API.post(
                    "/api/v1/stores/MI-001/call-list/" + call + "/called",
                    Api.terminal("MI-001"),
                    "{\"note\": \"ok\"}");
            assertThat(called.status()).as(called.toString()).isEqualTo(204);
            assertThat(messagesOf(marco).getJsonObject(0).getString("status")).isEqualTo("DELIVERED");
        }
    }
}
