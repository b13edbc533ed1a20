package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.VALID_ENROLMENT;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.enrolment;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.record;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Bad requests answered as RFC 9457 problems, nothing stored; run by {@code ServiceIT.Errors} on
 * the shared deployment.
 */
abstract class ErrorScenarios {

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
                VALID_ENROLMENT.replace("\"WEB\"}", "\"WEB\", \"birthDate\": \"last spring\"}"),
                400,
                "invalid-field");
        assertThat(fieldOf(problem)).isEqualTo("birthDate");
    }

    @Test
    void anObjectWhereTextIsExpected() {
        JsonObject problem =
                rejected("application/json", VALID_ENROLMENT.replace("\"Ada\"", "{\"x\": 1}"), 400, "invalid-field");
        assertThat(fieldOf(problem)).isEqualTo("firstName");
    }

    @Test
    void anUnknownField() {
        JsonObject problem = rejected(
                "application/json",
                VALID_ENROLMENT.replace("\"WEB\"}", "\"WEB\", \"tier\": \"GOLD\"}"),
                400,
                "invalid-field");
        assertThat(fieldOf(problem)).isEqualTo("tier");
    }

    @Test
    void aMissingRequiredField() {
        JsonObject problem = rejected(
                "application/json", VALID_ENROLMENT.replace("\"firstName\": \"Ada\",", ""), 422, "validation-failed");
        assertThat(fieldOf(problem)).isEqualTo("firstName");
    }

    @Test
    void aValueOutsideItsSet() {
        JsonObject problem =
                rejected("application/json", VALID_ENROLMENT.replace("\"NONE\"", "\"FAX\""), 422, "validation-failed");
        assertThat(fieldOf(problem)).isEqualTo("preferredChannel");
    }

    @Test
    void anInvalidEmailAndPhone() {
        assertThat(fieldOf(rejected(
                        "application/json",
                        VALID_ENROLMENT.replace("\"WEB\"}", "\"WEB\", \"email\": \"not-an-email\"}"),
                        422,
                        "validation-failed")))
                .isEqualTo("email");
        assertThat(fieldOf(rejected(
                        "application/json",
                        VALID_ENROLMENT.replace("\"WEB\"}", "\"WEB\", \"phone\": \"3471234567\"}"),
                        422,
                        "validation-failed")))
                .isEqualTo("phone");
    }

    @Test
    void anAbsurdBirthDate() {
        assertThat(fieldOf(rejected(
                        "application/json",
                        VALID_ENROLMENT.replace("\"WEB\"}", "\"WEB\", \"birthDate\": \"2990-01-01\"}"),
                        422,
                        "validation-failed")))
                .isEqualTo("birthDate");
    }

    @Test
    void anOversizedField() {
        JsonObject problem = rejected(
                "application/json",
                VALID_ENROLMENT.replace("\"Ada\"", "\"" + "A".repeat(5_000) + "\""),
                422,
                "validation-failed");
        assertThat(fieldOf(problem)).isEqualTo("firstName");
    }

    @Test
    void anOversizedBody() {
        rejected(
                "application/json",
                VALID_ENROLMENT.replace("\"Ada\"", "\"" + "A".repeat(300_000) + "\""),
                413,
                "payload-too-large");
    }

    @Test
    void anEventAttributeWithAHugeExponentIsRefusedAndNothingStored() {
        JsonObject marco = enrolled("marco." + unique() + "@example.com", null);
        String eventId = "huge-" + unique();
        String event =
                """
                {"eventId": "%s", "customerId": "%s", "type": "QUIZ_ANSWERED", "attributes": {"score": %s}}""";
        long events = Api.count("SELECT COUNT(*) FROM customer_event");

        for (String number : new String[] {"1e999999", "1e99999999", "1e999999999", "1e-999999999", "1e30"}) {
            long started = System.nanoTime();
            Api.Reply reply = API.post(
                    "/api/v1/events",
                    Api.integration(),
                    event.formatted(eventId, marco.getString("customerId"), number));
            assertThat(reply.isProblem("validation-failed"))
                    .as(number + ": " + reply)
                    .isTrue();
            assertThat(fieldOf(reply.json())).isEqualTo("attributes.score");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .as(number)
                    .isLessThan(java.time.Duration.ofSeconds(2));
        }

        assertThat(Api.count("SELECT COUNT(*) FROM customer_event"))
                .as("nothing stored")
                .isEqualTo(events);
        Api.Reply sane = API.post(
                "/api/v1/events", Api.integration(), event.formatted(eventId, marco.getString("customerId"), "12"));
        assertThat(sane.status()).as("the event id was not taken: " + sane).isEqualTo(202);
    }

    @Test
    void aWholeNumberFieldTakesExactlyTheNumberSentOrNothing() {
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");
        for (String paid : new String[] {"1e999999999", "1e30", "12.5", "123456789012345678901234567890"}) {
            String body = purchase("MI-001", "R-" + unique(), null, TEN_LASAGNE, 6000)
                    .replace("\"totalPaid\": 6000", "\"totalPaid\": " + paid);

            Api.Reply reply = record(body);

            assertThat(reply.isProblem("invalid-field")).as(paid + ": " + reply).isTrue();
            assertThat(fieldOf(reply.json())).isEqualTo("totalPaid");
        }
        assertThat(Api.count("SELECT COUNT(*) FROM purchase"))
                .as("nothing stored (1e999999999 used to be read as 0 and recorded)")
                .isEqualTo(purchases);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWithoutBeingReadWhole() {
        long customers = Api.count("SELECT COUNT(*) FROM customer");
        long started = System.nanoTime();

        Api.Reply reply = API.postChunked(
                "/api/v1/customers",
                Api.admin(),
                "application/json",
                "{\"firstName\": \"Ada\", \"lastName\": \"",
                30L * 1024 * 1024);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.isProblem("payload-too-large")).as(reply.toString()).isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM customer")).isEqualTo(customers);
        System.out.printf(
                "a 30 MB chunked body refused in %d ms%n",
                java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsAnyOther() {
        Api.Reply reply = API.postChunked(
                "/api/v1/customers",
                Api.admin(),
                "application/json",
                enrolment("chunked." + unique() + "@example.com", null, "MI-001"),
                10_000);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void theUnauthenticatedTwilioCallbackRefusesALargeChunkedBodyBeforeReadingIt() {
        Api.Reply unsigned = API.postChunked(
                "/api/v1/gateways/twilio/status",
                null,
                "application/x-www-form-urlencoded",
                "MessageSid=SM1&MessageStatus=delivered&Padding=",
                1024 * 1024);

        // no signature: refused before the body is read
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(403);
        assertThat(unsigned.isProblem("forbidden")).as(unsigned.toString()).isTrue();
    }

    @Test
    void aBodyThatIsNotJson() {
        rejected("text/plain", "firstName=Ada", 415, "unsupported-media-type");
    }

    @Test
    void aMethodThePathDoesNotTake() {
        Api.Reply reply = API.send("PUT", "/api/v1/customers/lookup", Api.admin(), "application/json", "{}");
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.isProblem("method-not-allowed")).as(reply.toString()).isTrue();
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
        assertThat(reply.isProblem("validation-failed")).as(reply.toString()).isTrue();
    }

    @Test
    void aBadProfilePatchChangesNothing() {
        JsonObject anna = enrolled("anna." + unique() + "@example.com", null);
        String token = Api.customer(anna.getString("customerId"));

        Api.Reply reply = API.patch("/api/v1/me", token, "{\"email\": \"broken\", \"firstName\": \"Annie\"}");

        assertThat(reply.isProblem("validation-failed")).as(reply.toString()).isTrue();
        assertThat(API.get("/api/v1/me", token).json().getString("firstName")).isEqualTo("Marco");
    }

    @Test
    void theAppNamingAStoreOrAChannelIsRefusedAndNothingStored() {
        String marco = enrolled("attr." + unique() + "@example.com", null).getString("customerId");
        long events = Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'");

        for (String attribute : new String[] {"storeId", "channel"}) {
            Api.Reply reply = API.post(
                    "/api/v1/events",
                    Api.customer(marco),
                    "{\"eventId\": \"a-%s\", \"type\": \"APP_INSTALLED\", \"attributes\": {\"%s\": \"MI-001\"}}"
                            .formatted(unique(), attribute));
            assertThat(reply.isProblem("validation-failed"))
                    .as(reply.toString())
                    .isTrue();
            assertThat(fieldOf(reply.json())).isEqualTo("attributes." + attribute);
        }
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'"))
                .isEqualTo(events);
    }

    @Test
    void aRuleOrMissionNamingASourceThatDoesNotExistIsRefused() {
        long rules = Api.count("SELECT COUNT(*) FROM rule");
        long missions = Api.count("SELECT COUNT(*) FROM mission");

        Api.Reply rule = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Bad source", "on": "APP_INSTALLED", "sources": ["APP", "WEBSITE"],
                 "actions": [{"type": "AWARD_POINTS", "points": 1}]}""");
        Api.Reply mission = API.post(
                "/api/v1/missions",
                Api.admin(),
                """
                {"name": "Bad source", "goal": {"type": "EVENT_COUNT", "eventType": "APP_OPENED", "target": 3},
                 "rewardPoints": 10, "repeatable": false, "sources": ["ANYONE"]}""");

        assertThat(rule.isProblem("validation-failed")).as(rule.toString()).isTrue();
        assertThat(fieldOf(rule.json())).isEqualTo("sources[1]");
        assertThat(mission.isProblem("validation-failed"))
                .as(mission.toString())
                .isTrue();
        assertThat(fieldOf(mission.json())).isEqualTo("sources[0]");
        assertThat(Api.count("SELECT COUNT(*) FROM rule")).isEqualTo(rules);
        assertThat(Api.count("SELECT COUNT(*) FROM mission")).isEqualTo(missions);
    }
}
