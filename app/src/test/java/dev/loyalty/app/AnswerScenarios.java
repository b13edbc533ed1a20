package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Explicit data: the console's questions, the customers' answers, the profile attributes (city,
 * province, gender) and what the GDPR export and erasure do with them; run by
 * {@code ServiceIT.Answers} on the shared deployment. Each test makes its own questions (ids
 * unique to it) and customers.
 */
abstract class AnswerScenarios {

    private static String pets() {
        return "pets-" + unique();
    }

    private static Api.Reply create(String id, String... values) {
        String json =
                "{\"id\": \"" + id + "\", \"text\": \"Do you have pets?\", \"allowedValues\": " + quoted(values) + "}";
        return API.post("/api/v1/questions", Api.admin(), json);
    }

    private static String quoted(String... values) {
        StringBuilder array = new StringBuilder("[");
        for (String value : values) {
            array.append(array.length() > 1 ? ", " : "")
                    .append('"')
                    .append(value)
                    .append('"');
        }
        return array.append(']').toString();
    }

    private static Api.Reply put(String path, String token, String json) {
        return API.send("PUT", path, token, "application/json", json);
    }

    private static Api.Reply answer(String customer, String question, String value) {
        return put("/api/v1/me/answers/" + question, Api.customer(customer), "{\"value\": \"" + value + "\"}");
    }

    private static String newCustomer() {
        return enrolled("ann." + unique() + "@example.com", uniquePhone()).getString("customerId");
    }

    private static void problem(Api.Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("code")).as(reply.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                    .as(reply.toString())
                    .isEqualTo(field);
        }
    }

    private static List<String> ids(Api.Reply list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.items().stream().map(q -> q.getString("id")).toList();
    }

    @Test
    void theConsoleKeepsTheQuestionsAndTheAppSeesTheActiveOnes() {
        String id = pets();
        String customer = newCustomer();

        Api.Reply created = create(id, "dog", "cat", "none");
        Api.Reply again = create(id, "yes", "no");
        Api.Reply revised = put(
                "/api/v1/questions/" + id,
                Api.admin(),
                "{\"text\": \"Any pets at home?\", \"allowedValues\": [\"dog\", \"cat\", \"fish\", \"none\"]}");
        Api.Reply otherId = put(
                "/api/v1/questions/" + id,
                Api.admin(),
                "{\"id\": \"other\", \"text\": \"t\", \"allowedValues\": [\"a\"]}");
        Api.Reply unknown = put(
                "/api/v1/questions/no-such-" + unique(), Api.admin(), "{\"text\": \"t\", \"allowedValues\": [\"a\"]}");
        List<String> seenBefore = ids(API.get("/api/v1/questions", Api.customer(customer)));
        Api.Reply deactivated = API.send("DELETE", "/api/v1/questions/" + id, Api.admin(), null, null);
        Api.Reply deactivatedAgain = API.send("DELETE", "/api/v1/questions/" + id, Api.admin(), null, null);
        List<String> seenAfter = ids(API.get("/api/v1/questions", Api.customer(customer)));
        Api.Reply consoleList = API.get("/api/v1/questions", Api.admin());
        Api.Reply appRead = API.get("/api/v1/questions/" + id, Api.customer(customer));
        Api.Reply consoleRead = API.get("/api/v1/questions/" + id, Api.admin());
        Api.Reply reactivated = put(
                "/api/v1/questions/" + id,
                Api.admin(),
                "{\"text\": \"Any pets at home?\", \"allowedValues\": [\"dog\", \"cat\"], \"active\": true}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/questions/" + id);
        assertThat(created.json().getString("text")).isEqualTo("Do you have pets?");
        assertThat(created.json().getJsonArray("allowedValues").getValuesAs(JsonString::getString))
                .containsExactly("dog", "cat", "none");
        assertThat(created.json().getBoolean("active")).isTrue();
        problem(again, 409, "question-already-exists", null);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().getString("text")).isEqualTo("Any pets at home?");
        assertThat(revised.json().getJsonArray("allowedValues")).hasSize(4);
        problem(otherId, 422, "validation-failed", "id");
        problem(unknown, 404, "question-not-found", null);
        assertThat(seenBefore).contains(id);
        assertThat(deactivated.status()).isEqualTo(204);
        assertThat(deactivatedAgain.status()).isEqualTo(204);
        assertThat(seenAfter).doesNotContain(id);
        assertThat(consoleList.items().stream()
                        .filter(q -> q.getString("id").equals(id))
                        .map(q -> q.getBoolean("active")))
                .containsExactly(false);
        problem(appRead, 404, "question-not-found", null);
        assertThat(consoleRead.status()).isEqualTo(200);
        assertThat(consoleRead.json().getBoolean("active")).isFalse();
        assertThat(reactivated.json().getBoolean("active")).isTrue();
        assertThat(ids(API.get("/api/v1/questions", Api.customer(customer)))).contains(id);
    }

    @Test
    void aCustomerAnswersInTheAppOrAtTheDeskAndANewAnswerReplacesTheOld() {
        String pets = pets();
        String household = "household-" + unique();
        create(pets, "dog", "cat", "none");
        create(household, "1", "2", "3", "4", "5+");
        String elena = newCustomer();

        Api.Reply first = answer(elena, pets, " DOG ");
        Api.Reply second = answer(elena, pets, "cat");
        Api.Reply atTheDesk =
                put("/api/v1/customers/" + elena + "/answers/" + household, Api.admin(), "{\"value\": \"5+\"}");
        Api.Reply mine = API.get("/api/v1/me/answers", Api.customer(elena));
        Api.Reply console = API.get("/api/v1/customers/" + elena + "/answers", Api.admin());
        Api.Reply timeline = API.get("/api/v1/customers/" + elena + "/timeline", Api.admin());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getString("value"))
                .as("the question's spelling")
                .isEqualTo("dog");
        assertThat(first.json().getString("question")).isEqualTo(pets);
        assertThat(first.json().getString("answeredAt")).isNotBlank();
        assertThat(second.json().getString("value")).isEqualTo("cat");
        assertThat(atTheDesk.status()).as(atTheDesk.toString()).isEqualTo(200);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.items())
                .extracting(a -> a.getString("question") + "=" + a.getString("value"))
                .containsExactlyInAnyOrder(pets + "=cat", household + "=5+");
        assertThat(console.items()).hasSize(2);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_answer WHERE customer_id = '" + elena + "'"))
                .isEqualTo(2);
        assertThat(timeline.items())
                .filteredOn(entry -> entry.getString("kind").equals("ANSWER"))
                .hasSize(2);
    }

    @Test
    void aValueNotAllowedAnUnknownOrRetiredQuestionAndAnUnknownCustomerAreRefused() {
        String pets = pets();
        String retired = "retired-" + unique();
        create(pets, "dog", "cat");
        create(retired, "yes", "no");
        API.send("DELETE", "/api/v1/questions/" + retired, Api.admin(), null, null);
        String marco = newCustomer();

        Api.Reply notAllowed = answer(marco, pets, "hamster");
        Api.Reply unknownQuestion = answer(marco, "no-such-" + unique(), "dog");
        Api.Reply notASlug = answer(marco, "Not%20A%20Slug", "dog");
        Api.Reply retiredQuestion = answer(marco, retired, "yes");
        Api.Reply unknownCustomer =
                put("/api/v1/customers/" + UUID.randomUUID() + "/answers/" + pets, Api.admin(), "{\"value\": \"dog\"}");
        Api.Reply unknownCustomerRead = API.get("/api/v1/customers/" + UUID.randomUUID() + "/answers", Api.admin());

        problem(notAllowed, 422, "answer-value-not-allowed", "value");
        assertThat(notAllowed.json().getString("detail")).contains("dog, cat");
        problem(unknownQuestion, 404, "question-not-found", null);
        problem(notASlug, 404, "question-not-found", null);
        problem(retiredQuestion, 404, "question-not-found", null);
        problem(unknownCustomer, 404, "customer-not-found", null);
        problem(unknownCustomerRead, 404, "customer-not-found", null);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_answer WHERE customer_id = '" + marco + "'"))
                .isZero();
    }

    @Test
    void theAttributesAreToldAtEnrolmentChangedByTheCustomerOrTheConsoleAndShownEverywhere() {
        String email = "giulia." + unique() + "@example.com";
        Api.Reply enrolled = API.post(
                "/api/v1/customers",
                Api.admin(),
                """
                {"firstName": "Giulia", "email": "%s", "preferredChannel": "EMAIL", "consents": {},
                 "enrolmentChannel": "WEB", "city": " Milano ", "province": "MI", "gender": "female"}"""
                        .formatted(email));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String giulia = enrolled.json().getString("customerId");
        String card = enrolled.json().getString("cardNumber");

        JsonObject me = API.get("/api/v1/me", Api.customer(giulia)).json();
        JsonObject atTheTill = API.get("/api/v1/customers/lookup?card=" + card, Api.terminal("MI-001"))
                .json();
        Api.Reply moved = API.patch(
                "/api/v1/me",
                Api.customer(giulia),
                "{\"city\": \"Torino\", \"province\": \" \", \"gender\": \"OTHER\"}");
        Api.Reply byTheConsole = API.patch(
                "/api/v1/customers/" + giulia, Api.admin(), "{\"province\": \"TO\", \"gender\": \"UNDISCLOSED\"}");
        JsonObject read = API.get("/api/v1/customers/" + giulia, Api.admin()).json();

        assertThat(enrolled.json().getString("city")).isEqualTo("Milano");
        assertThat(enrolled.json().getString("gender")).isEqualTo("FEMALE");
        assertThat(me.getString("city")).isEqualTo("Milano");
        assertThat(me.getString("province")).isEqualTo("MI");
        assertThat(me.getString("email")).as("the contract's fields unchanged").isEqualTo(email);
        assertThat(atTheTill.getString("city")).isEqualTo("Milano");
        assertThat(atTheTill.getString("gender")).isEqualTo("FEMALE");
        assertThat(atTheTill.containsKey("email")).isFalse();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().getString("city")).isEqualTo("Torino");
        assertThat(moved.json().containsKey("province"))
                .as("a blank province clears it")
                .isFalse();
        assertThat(moved.json().getString("gender")).isEqualTo("OTHER");
        assertThat(byTheConsole.status()).as(byTheConsole.toString()).isEqualTo(200);
        assertThat(read.getString("city")).isEqualTo("Torino");
        assertThat(read.getString("province")).isEqualTo("TO");
        assertThat(read.getString("gender")).isEqualTo("UNDISCLOSED");
        assertThat(read.getString("firstName")).isEqualTo("Giulia");
        assertThat(Api.count("SELECT COUNT(*) FROM customer WHERE id = '" + giulia
                        + "' AND city = 'Torino' AND province = 'TO' AND gender = 'UNDISCLOSED'"))
                .isEqualTo(1);
    }

    @Test
    void badAttributesAreRefusedNamingTheFieldAndChangeNothing() {
        String customer = newCustomer();
        String enrolment =
                """
                {"firstName": "Ada", "preferredChannel": "NONE", "consents": {}, "enrolmentChannel": "WEB", %s}""";

        problem(
                API.post("/api/v1/customers", Api.admin(), enrolment.formatted("\"gender\": \"ROBOT\"")),
                422,
                "validation-failed",
                "gender");
        problem(
                API.post(
                        "/api/v1/customers",
                        Api.admin(),
                        enrolment.formatted("\"city\": \"" + "x".repeat(5_000) + "\"")),
                422,
                "validation-failed",
                "city");
        problem(
                API.post("/api/v1/customers", Api.admin(), enrolment.formatted("\"province\": {\"x\": 1}")),
                400,
                "invalid-field",
                "province");
        // an array where a text is expected: refused, though JSON-B's message does not name the field
        problem(
                API.post("/api/v1/customers", Api.admin(), enrolment.formatted("\"province\": [\"MI\"]")),
                400,
                "invalid-field",
                null);
        // a number where a text is expected is a wrong type (JSON-B once read it as its digits)
        problem(API.patch("/api/v1/me", Api.customer(customer), "{\"gender\": 7}"), 400, "invalid-field", "gender");
        problem(
                API.patch("/api/v1/me", Api.customer(customer), "{\"gender\": {\"x\": 1}}"),
                400,
                "invalid-field",
                "gender");
        problem(
                API.patch("/api/v1/me", Api.customer(customer), "{\"city\": \"Mi\\u0000lano\"}"),
                422,
                "validation-failed",
                "city");
        problem(
                API.patch("/api/v1/me", Api.customer(customer), "{\"town\": \"Milano\"}"),
                400,
                "invalid-field",
                "town");
        problem(
                API.patch("/api/v1/customers/" + customer, Api.admin(), "{\"province\": \"" + "p".repeat(101) + "\"}"),
                422,
                "validation-failed",
                "province");
        assertThat(Api.count("SELECT COUNT(*) FROM customer WHERE id = '" + customer
                        + "' AND (city IS NOT NULL OR province IS NOT NULL OR gender IS NOT NULL)"))
                .isZero();
    }

    @Test
    void theExportCarriesTheAnswersAndAttributesAndErasureForgetsThemWithWhatWasComputed() {
        String pets = pets();
        create(pets, "dog", "cat");
        String elena = newCustomer();
        API.patch("/api/v1/me", Api.customer(elena), "{\"city\": \"Bergamo\", \"gender\": \"FEMALE\"}");
        answer(elena, pets, "dog");
        String segment = UUID.randomUUID().toString();
        String snapshot = UUID.randomUUID().toString();
        Api.execute("INSERT INTO customer_metrics (customer_id, computed_at) VALUES ('" + elena + "', NOW(6))");
        Api.execute("INSERT INTO customer_category_metrics VALUES ('" + elena + "', 'pet-food', 1000, 500000, NOW(6))");
        Api.execute("INSERT INTO customer_sku_metrics VALUES ('" + elena + "', 'PET-1', NOW(6))");
        Api.execute("INSERT INTO segment VALUES ('" + segment + "', 'answers-it-" + unique()
                + "', '{}', 1, NOW(6), 0, NOW(6), NOW(6))");
        Api.execute("INSERT INTO segment_snapshot VALUES ('" + snapshot + "', '" + segment + "', NOW(6), 1, '{}')");
        Api.execute("INSERT INTO segment_snapshot_member VALUES ('" + snapshot + "', '" + elena + "')");

        Api.Reply export = API.get("/api/v1/customers/" + elena + "/export", Api.admin());
        Api.Reply erased = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);
        JsonObject after = API.get("/api/v1/customers/" + elena, Api.admin()).json();
        Api.Reply answersAfter = API.get("/api/v1/customers/" + elena + "/answers", Api.admin());

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonObject held = export.json();
        assertThat(held.getJsonObject("customer").getString("city")).isEqualTo("Bergamo");
        assertThat(held.getJsonObject("customer").getString("gender")).isEqualTo("FEMALE");
        assertThat(held.getJsonArray("answers")).hasSize(1);
        assertThat(held.getJsonArray("answers").getJsonObject(0).getString("question"))
                .isEqualTo(pets);
        assertThat(held.getJsonArray("answers").getJsonObject(0).getString("value"))
                .isEqualTo("dog");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(after.containsKey("city")).isFalse();
        assertThat(after.containsKey("gender")).isFalse();
        assertThat(answersAfter.items()).isEmpty();
        for (String table : List.of(
                "customer_answer",
                "customer_metrics",
                "customer_category_metrics",
                "customer_sku_metrics",
                "segment_snapshot_member")) {
            assertThat(Api.count("SELECT COUNT(*) FROM " + table + " WHERE customer_id = '" + elena + "'"))
                    .as(table)
                    .isZero();
        }
        assertThat(Api.count("SELECT COUNT(*) FROM question WHERE id = '" + pets + "' AND active"))
                .as("the question stays")
                .isEqualTo(1);
    }

    @Test
    void eachRoleReachesOnlyItsPart() {
        String pets = pets();
        create(pets, "dog", "cat");
        String customer = newCustomer();
        String other = newCustomer();
        String body = "{\"id\": \"x-" + unique() + "\", \"text\": \"t\", \"allowedValues\": [\"a\"]}";
        String value = "{\"value\": \"dog\"}";

        assertThat(API.post("/api/v1/questions", Api.customer(customer), body).status())
                .isEqualTo(403);
        assertThat(API.post("/api/v1/questions", Api.terminal("MI-001"), body).status())
                .isEqualTo(403);
        assertThat(API.post("/api/v1/questions", Api.integration(), body).status())
                .isEqualTo(403);
        assertThat(API.post("/api/v1/questions", null, body).status()).isEqualTo(401);
        assertThat(put("/api/v1/questions/" + pets, Api.customer(customer), body)
                        .status())
                .isEqualTo(403);
        assertThat(API.send("DELETE", "/api/v1/questions/" + pets, Api.customer(customer), null, null)
                        .status())
                .isEqualTo(403);
        assertThat(API.get("/api/v1/questions", Api.terminal("MI-001")).status())
                .isEqualTo(403);
        assertThat(API.get("/api/v1/questions/" + pets, Api.integration()).status())
                .isEqualTo(403);
        assertThat(put("/api/v1/me/answers/" + pets, Api.admin(), value).status())
                .isEqualTo(403);
        assertThat(put("/api/v1/me/answers/" + pets, Api.terminal("MI-001"), value)
                        .status())
                .isEqualTo(403);
        assertThat(API.get("/api/v1/me/answers", Api.integration()).status()).isEqualTo(403);
        assertThat(API.get("/api/v1/customers/" + other + "/answers", Api.customer(customer))
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/v1/customers/" + other + "/answers/" + pets, Api.customer(customer), value)
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/v1/customers/" + other + "/answers/" + pets, Api.terminal("MI-001"), value)
                        .status())
                .isEqualTo(403);
        assertThat(API.patch("/api/v1/customers/" + other, Api.customer(customer), "{\"city\": \"Roma\"}")
                        .status())
                .isEqualTo(403);
        assertThat(API.patch("/api/v1/customers/" + other, Api.terminal("MI-001"), "{\"city\": \"Roma\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_answer WHERE customer_id IN ('" + customer + "', '" + other
                        + "')"))
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM customer WHERE id = '" + other + "' AND city IS NOT NULL"))
                .isZero();
    }

    @Test
    void badQuestionsAndAnswersAreProblemsNamingTheField() {
        String customer = newCustomer();
        String pets = pets();
        create(pets, "dog", "cat");
        String id = "q-" + unique();
        String thirtyOne = quoted(
                java.util.stream.IntStream.range(0, 31).mapToObj(i -> "v" + i).toArray(String[]::new));

        problem(create("Has Pets", "yes"), 422, "validation-failed", "id");
        problem(create("x".repeat(65), "yes"), 422, "validation-failed", "id");
        problem(
                API.post("/api/v1/questions", Api.admin(), "{\"text\": \"t\", \"allowedValues\": [\"a\"]}"),
                422,
                "validation-failed",
                "id");
        problem(
                API.post(
                        "/api/v1/questions",
                        Api.admin(),
                        "{\"id\": \"" + id + "\", \"text\": \"" + "t".repeat(5_000)
                                + "\", \"allowedValues\": [\"a\"]}"),
                422,
                "validation-failed",
                "text");
        problem(
                API.post("/api/v1/questions", Api.admin(), "{\"id\": \"" + id + "\", \"allowedValues\": [\"a\"]}"),
                422,
                "validation-failed",
                "text");
        problem(
                API.post(
                        "/api/v1/questions",
                        Api.admin(),
                        "{\"id\": \"" + id + "\", \"text\": \"t\", \"allowedValues\": \"yes\"}"),
                400,
                "invalid-field",
                "allowedValues");
        problem(
                API.post(
                        "/api/v1/questions",
                        Api.admin(),
                        "{\"id\": \"" + id + "\", \"text\": \"t\", \"allowedValues\": " + thirtyOne + "}"),
                422,
                "validation-failed",
                "allowedValues");
        problem(
                API.post(
                        "/api/v1/questions",
                        Api.admin(),
                        "{\"id\": \"" + id + "\", \"text\": \"t\", \"allowedValues\": [\"yes\", \"YES\"]}"),
                422,
                "validation-failed",
                "allowedValues");
        problem(
                API.post(
                        "/api/v1/questions",
                        Api.admin(),
                        "{\"id\": \"" + id + "\", \"text\": \"t\", \"allowedValues\": [\"a\"], \"kind\": \"x\"}"),
                400,
                "invalid-field",
                "kind");
        problem(API.post("/api/v1/questions", Api.admin(), "{\"id\": "), 400, "malformed-json", null);
        problem(
                put("/api/v1/me/answers/" + pets, Api.customer(customer), "{\"value\": \"" + "d".repeat(5_000) + "\"}"),
                422,
                "validation-failed",
                "value");
        problem(
                put("/api/v1/me/answers/" + pets, Api.customer(customer), "{\"value\": {\"x\": 1}}"),
                400,
                "invalid-field",
                "value");
        problem(put("/api/v1/me/answers/" + pets, Api.customer(customer), "{}"), 422, "validation-failed", "value");
        problem(
                put("/api/v1/me/answers/" + pets, Api.customer(customer), "{\"value\": \"dog\", \"note\": 1}"),
                400,
                "invalid-field",
                "note");
        assertThat(Api.count("SELECT COUNT(*) FROM question WHERE id = '" + id + "'"))
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_answer WHERE customer_id = '" + customer + "'"))
                .isZero();
    }
}
