package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /events/batch} (issue 16): an integration's events in one request, each answered as
 * {@code POST /events} would answer it, the refused ones changing nothing; run by {@code
 * ServiceIT.EventBatch}.
 */
abstract class EventBatchScenarios {

    @Test
    void eachEventIsAnsweredAsAloneAndTheAcceptedOnesAreReactedToOnce() throws Exception {
        String marco = enrolled("batch." + unique() + "@example.com", null).getString("customerId");
        String type = "BATCH_SIGNAL_" + unique().toUpperCase(Locale.ROOT);
        Api.Reply rule = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Batch bonus %s", "on": "%s", "actions": [{"type": "AWARD_POINTS", "points": 3}]}"""
                        .formatted(unique(), type));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        String ruleId = rule.json().getString("ruleId");
        try {
            String earlier = "early-" + unique();
            Api.Reply alone = API.post(
                    "/api/v1/events",
                    Api.integration(),
                    "{\"eventId\": \"%s\", \"customerId\": \"%s\", \"type\": \"%s\"}".formatted(earlier, marco, type));
            assertThat(alone.status()).as(alone.toString()).isEqualTo(202);
            String first = "b1-" + unique();
            String second = "b2-" + unique();
            String prospect = "pr." + unique() + "@example.com";
            String body =
                    """
                    {"items": [
                      {"eventId": "%1$s", "customerId": "%2$s", "type": "%3$s", "attributes": {"order": 7}},
                      {"eventId": "%1$s", "customerId": "%2$s", "type": "%3$s"},
                      {"eventId": "%4$s", "customerId": "%2$s", "type": "%3$s"},
                      {"eventId": "nobody-%5$s", "customerId": "%6$s", "type": "%3$s"},
                      {"eventId": "badtype-%5$s", "customerId": "%2$s", "type": "not a type"},
                      {"eventId": "", "customerId": "%2$s", "type": "%3$s"},
                      null,
                      {"eventId": "%7$s", "customerId": "%2$s", "type": "%3$s", "attributes": {"deep": {"x": 1}}},
                      {"eventId": "prospect-%5$s", "email": "%8$s", "type": "%3$s"},
                      {"eventId": "%9$s", "customerId": "%2$s", "type": "%3$s"}
                    ]}"""
                            .formatted(
                                    first,
                                    marco,
                                    type,
                                    earlier,
                                    unique(),
                                    UUID.randomUUID(),
                                    "nested-" + unique(),
                                    prospect,
                                    second);

            Api.Reply batch = API.post("/api/v1/events/batch", Api.integration(), body);

            assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
            List<JsonObject> results = batch.json().getJsonArray("results").getValuesAs(JsonObject.class);
            assertThat(results).hasSize(10);
            List<String> answers = new ArrayList<>();
            for (JsonObject result : results) {
                JsonObject problem = result.getJsonObject("problem");
                answers.add(result.getInt("index") + " " + result.getInt("status") + " "
                        + (problem == null ? result.getString("outcome") : problem.getString("code")));
            }
            assertThat(answers)
                    .containsExactly(
                            "0 202 ACCEPTED",
                            "1 200 DUPLICATE",
                            "2 200 DUPLICATE",
                            "3 404 customer-not-found",
                            "4 422 validation-failed",
                            "5 422 validation-failed",
                            "6 422 validation-failed",
                            "7 422 validation-failed",
                            "8 202 PROSPECT",
                            "9 202 ACCEPTED");
            assertThat(results.get(0).getString("customerId")).isEqualTo(marco);
            assertThat(results.get(2).getString("customerId")).isEqualTo(marco);
            assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE type = '" + type + "'"))
                    .as("the one posted alone, two accepted and the prospect's; nothing of the refused ones")
                    .isEqualTo(4);
            assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE event_id = '" + first
                            + "' AND attributes LIKE '%\"order\"%'"))
                    .as("the first of a repeated id is the one kept")
                    .isEqualTo(1);

            // the rule reacts to each accepted event once: 3 events of Marco's
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco
                            + "' AND react_due_at IS NOT NULL")
                    > 0) {
                assertThat(System.nanoTime()).as("reacted to within 60 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + marco
                            + "' AND reference = 'rule:" + ruleId + "'"))
                    .isEqualTo(9);

            Api.Reply retried = API.post("/api/v1/events/batch", Api.integration(), body);
            assertThat(retried.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                            .map(r -> r.getJsonObject("problem") == null ? r.getString("outcome") : "refused")
                            .toList())
                    .as("a retried batch takes nothing in twice")
                    .containsExactly(
                            "DUPLICATE",
                            "DUPLICATE",
                            "DUPLICATE",
                            "refused",
                            "refused",
                            "refused",
                            "refused",
                            "refused",
                            "DUPLICATE",
                            "DUPLICATE");
            assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE type = '" + type + "'"))
                    .isEqualTo(4);
        } finally {
            API.send("DELETE", "/api/v1/rules/" + ruleId, Api.admin(), null, null);
        }
    }

    @Test
    void aBatchWeighsOnEachOfItsCustomersEngagementAsOneByOne() {
        String ada = enrolled("eng.a." + unique() + "@example.com", null).getString("customerId");
        String bruno = enrolled("eng.b." + unique() + "@example.com", null).getString("customerId");
        String item = "{\"eventId\": \"eng-%s\", \"customerId\": \"%s\", \"type\": \"%s\"}";
        String body = "{\"items\": ["
                + String.join(
                        ", ",
                        item.formatted(unique(), ada, "EMAIL_OPENED"),
                        item.formatted(unique(), bruno, "EMAIL_CLICKED"),
                        item.formatted(unique(), ada, "EMAIL_CLICKED"),
                        item.formatted(unique(), bruno, "PRODUCT_RETURNED"),
                        item.formatted(unique(), ada, "NEWSLETTER_SUBSCRIBED"))
                + "]}";

        Api.Reply batch = API.post("/api/v1/events/batch", Api.integration(), body);

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        // the default weights: EMAIL_OPENED 1, EMAIL_CLICKED 3, PRODUCT_RETURNED -5, others nothing
        assertThat(Api.count("SELECT engagement FROM customer_metrics WHERE customer_id = '" + ada + "'"))
                .isEqualTo(4);
        assertThat(Api.count("SELECT engagement FROM customer_metrics WHERE customer_id = '" + bruno + "'"))
                .isEqualTo(-2);
    }

    @Test
    void onlyIntegrationsAndTheConsolePostBatchesAndABatchThatIsNoListIsRefusedWhole() {
        String marco = enrolled("batch403." + unique() + "@example.com", null).getString("customerId");
        String type = "BATCH_REFUSED_" + unique().toUpperCase(Locale.ROOT);
        String one = "{\"items\": [{\"eventId\": \"r-%s\", \"customerId\": \"%s\", \"type\": \"%s\"}]}"
                .formatted(unique(), marco, type);

        Api.Reply terminal = API.post("/api/v1/events/batch", Api.terminal("MI-001"), one);
        Api.Reply app = API.post("/api/v1/events/batch", Api.customer(marco), one);
        Api.Reply empty = API.post("/api/v1/events/batch", Api.integration(), "{\"items\": []}");
        Api.Reply none = API.post("/api/v1/events/batch", Api.integration(), "{}");
        StringBuilder tooMany = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ",")
                    .append("{\"eventId\": \"m-%d-%s\", \"customerId\": \"%s\", \"type\": \"%s\"}"
                            .formatted(i, unique(), marco, type));
        }
        Api.Reply overLimit = API.post("/api/v1/events/batch", Api.integration(), tooMany + "]}");
        Api.Reply notAList = API.post("/api/v1/events/batch", Api.integration(), "{\"items\": {\"eventId\": 1}}");

        assertThat(terminal.status()).as(terminal.toString()).isEqualTo(403);
        assertThat(app.status()).as(app.toString()).isEqualTo(403);
        assertThat(empty.isProblem("validation-failed")).as(empty.toString()).isTrue();
        assertThat(none.isProblem("validation-failed")).as(none.toString()).isTrue();
        assertThat(overLimit.isProblem("validation-failed"))
                .as(overLimit.toString())
                .isTrue();
        assertThat(notAList.status()).as(notAList.toString()).isBetween(400, 499);
        assertThat(notAList.json().getString("code", null))
                .as(notAList.toString())
                .isNotBlank();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE type = '" + type + "'"))
                .isZero();
    }
}
