package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.enrolment;
import static dev.loyalty.app.Fixtures.race;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Enrolment at the till and online: lookups, duplicates, races, a terminal's store; run by {@code
 * ServiceIT.Enrolment} on the shared deployment.
 */
abstract class EnrolmentScenarios {

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

    @Test
    void theTillsLookupAnswersAsTheConsoleReadsAndSeesEachChangeOnTheNextRequest() {
        JsonObject marco = enrolled("lookup." + unique() + "@example.com", uniquePhone());
        String id = marco.getString("customerId");
        String byCard = "/api/v1/customers/lookup?card=" + marco.getString("cardNumber");

        Api.Reply first = API.get(byCard, Api.terminal("MI-001"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getJsonNumber("pointsBalance").longValue()).isZero();
        assertSummaryOfProfile(first.json(), id);

        Api.Reply credited = API.post(
                "/api/v1/customers/" + id + "/wallet/adjustments",
                Api.admin(),
                "{\"points\": 120, \"reason\": \"Welcome gift\"}");
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        Api.Reply changed = API.patch(
                "/api/v1/customers/" + id,
                Api.admin(),
                "{\"lastName\": \"Bianchi\", \"consents\": {\"marketingEmail\": true}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        Api.Reply next = API.get(byCard, Api.terminal("MI-001"));
        assertThat(next.json().getJsonNumber("pointsBalance").longValue()).isEqualTo(120);
        assertThat(next.json().getString("lastName")).isEqualTo("Bianchi");
        assertThat(next.json().getJsonObject("consents").getBoolean("marketingEmail"))
                .isTrue();
        assertSummaryOfProfile(next.json(), id);
        Api.Reply byEmail = API.get(
                "/api/v1/customers/lookup?email=" + marco.getString("email") + "&card=" + marco.getString("cardNumber"),
                Api.terminal("MI-001"));
        assertThat(byEmail.body()).isEqualTo(next.body());
    }

    /** The lookup's body is the console's read of the same customer without contact details, field for field in order. */
    private static void assertSummaryOfProfile(JsonObject summary, String customerId) {
        JsonObject profile =
                API.get("/api/v1/customers/" + customerId, Api.admin()).json();
        JsonObject expected = jakarta.json.Json.createObjectBuilder(profile)
                .remove("email")
                .remove("phone")
                .remove("birthDate")
                .build();
        assertThat(List.copyOf(summary.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(summary).isEqualTo(expected);
    }

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

        List<Integer> results = race(tills, n -> API.post("/api/v1/customers", token, enrolment(email, null, "MI-001"))
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
        assertThat(reply.isProblem("customer-not-found")).as(reply.toString()).isTrue();
    }

    @Test
    void aMistypedCardIsRejectedByItsCheckDigit() {
        Api.Reply reply = API.get("/api/v1/customers/lookup?card=2900000000005", Api.terminal("MI-001"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("cardNumber");
    }
}
