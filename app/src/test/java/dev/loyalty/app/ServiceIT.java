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
            ExecutorService pool = Executors.newFixedThreadPool(tills);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < tills; i++) {
                String token = Api.terminal("MI-001");
                statuses.add(pool.submit(() -> {
                    start.await();
                    return API.post("/api/v1/customers", token, enrolment(email, null, "MI-001"))
                            .status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            pool.shutdown();

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
            Api.Reply reply = API.send("DELETE", "/api/v1/customers/lookup", Api.admin(), null, null);
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
            int writers = 10;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return adjust(id, 10, "race").status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            pool.shutdown();

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
}
