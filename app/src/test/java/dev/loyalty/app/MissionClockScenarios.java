package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.record;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which clock counts for a mission (issue 18): the till's {@code occurredAt}, whole seconds; a
 * mission defined without {@code activeFrom} counts from the start of its minute; the explanation
 * says why a purchase did not count. Each mission counts its own category only, so that the other
 * scenarios' purchases never complete it. Run by {@code ServiceIT.MissionClock}.
 */
abstract class MissionClockScenarios {

    private static String mission(String category, String activeFrom) {
        Api.Reply defined = API.post(
                "/api/v1/missions",
                Api.admin(),
                """
                {"name": "Three of %s", "goal": {"type": "CATEGORY_PURCHASE", "category": "%s", "target": 3},
                 "rewardPoints": 300, "repeatable": false %s}"""
                        .formatted(
                                category,
                                category,
                                activeFrom == null ? "" : ", \"activeFrom\": \"" + activeFrom + "\""));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().getString("missionId");
    }

    /** A purchase the till stamped at {@code occurredAt}. */
    private static Api.Reply bought(String customer, String category, Instant occurredAt) {
        return record(
                """
                {"storeId": "MI-001", "receiptId": "R-%s", "occurredAt": "%s", "customerId": "%s", "channel": "STORE",
                 "lines": [{"sku": "SKU-1", "category": "%s", "quantity": 1, "unitPrice": 1000}],
                 "couponCodes": [], "totalPaid": 1000}"""
                        .formatted(unique(), occurredAt, customer, category));
    }

    private static void awaitReacted(String customer) {
        EngagementIT.await(
                "the customer's events are reacted to",
                () -> Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + customer
                                + "' AND react_due_at IS NOT NULL")
                        == 0);
    }

    private static JsonObject explanation(String mission, String customer) {
        Api.Reply reply = API.get("/api/v1/missions/" + mission + "/explanation?customerId=" + customer, Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void end(String mission) {
        API.send("DELETE", "/api/v1/missions/" + mission, Api.admin(), null, null);
    }

    @Test
    void aMissionCreatedNowIsCompletedByThreePurchasesTheTillStampedInItsSecond() throws Exception {
        // the till's whole second and the mission's minute must be the same minute
        while (Instant.now().atOffset(ZoneOffset.UTC).getSecond() >= 55) {
            Thread.sleep(250);
        }
        String category = "clock-" + unique();
        Instant stamped = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String mission = mission(category, null);
        try {
            JsonObject defined =
                    API.get("/api/v1/missions/" + mission, Api.admin()).json();
            assertThat(Instant.parse(defined.getString("activeFrom")))
                    .as("a mission without activeFrom counts from the start of the minute it was defined in")
                    .isEqualTo(stamped.truncatedTo(ChronoUnit.MINUTES));
            String customer =
                    enrolled("clock." + unique() + "@example.com", null).getString("customerId");

            for (int i = 0; i < 3; i++) {
                Api.Reply paid = bought(customer, category, stamped);
                assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            }

            EngagementIT.await(
                    "the mission completes",
                    () -> Api.count("SELECT COUNT(*) FROM mission_completion WHERE mission_id = '" + mission
                                    + "' AND customer_id = '" + customer + "'")
                            == 1);
            assertThat(Api.count("SELECT SUM(points) FROM wallet_entry WHERE customer_id = '" + customer
                            + "' AND reference = 'mission:" + mission + "'"))
                    .isEqualTo(300);
            awaitReacted(customer);
            JsonObject why = explanation(mission, customer);
            assertThat(why.getString("clock")).isEqualTo("occurredAt");
            assertThat(why.getInt("completions")).isEqualTo(1);
            List<JsonObject> purchases = why.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("type").equals("PURCHASE_RECORDED"))
                    .toList();
            assertThat(purchases).hasSize(3).allSatisfy(e -> {
                assertThat(e.getString("outcome")).isEqualTo("COUNTED");
                assertThat(Instant.parse(e.getString("occurredAt"))).isEqualTo(stamped);
            });
        } finally {
            end(mission);
        }
    }

    @Test
    void theExplanationSaysWhyAPurchaseDidNotCount() {
        String category = "clock-" + unique();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String mission = mission(category, from.toString());
        try {
            String customer =
                    enrolled("clock." + unique() + "@example.com", null).getString("customerId");
            Instant early = from.minus(2, ChronoUnit.MINUTES);
            Api.Reply before = bought(customer, category, early);
            Api.Reply otherCategory = bought(customer, "other-" + unique(), from);
            Api.Reply counted = bought(customer, category, from);
            assertThat(List.of(before.status(), otherCategory.status(), counted.status()))
                    .containsOnly(201);
            awaitReacted(customer);

            JsonObject why = explanation(mission, customer);

            assertThat(why.getJsonNumber("progress").longValue()).isEqualTo(1);
            JsonObject missed = verdict(why, before.json().getString("purchaseId"));
            assertThat(missed.getString("outcome")).isEqualTo("NOT_COUNTED");
            assertThat(missed.getString("reason"))
                    .contains("occurredAt")
                    .contains(early.toString())
                    .contains("before the mission's activeFrom " + from);
            assertThat(verdict(why, otherCategory.json().getString("purchaseId"))
                            .getString("reason"))
                    .contains("CATEGORY_PURCHASE")
                    .contains("does not count");
            assertThat(verdict(why, counted.json().getString("purchaseId")).getString("outcome"))
                    .isEqualTo("COUNTED");
            assertThat(why.getString("summary"))
                    .contains("purchase:" + before.json().getString("purchaseId"))
                    .contains("before the mission's activeFrom");
        } finally {
            end(mission);
        }
    }

    private static JsonObject verdict(JsonObject explanation, String purchaseId) {
        return explanation.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("eventId").equals("purchase:" + purchaseId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict on " + purchaseId + " in " + explanation));
    }

    @Test
    void onlyTheConsoleAsksAndABadQuestionIsRefused() {
        String mission = mission("clock-" + unique(), null);
        try {
            String customer =
                    enrolled("clock." + unique() + "@example.com", null).getString("customerId");
            String path = "/api/v1/missions/" + mission + "/explanation?customerId=" + customer;

            Api.Reply till = API.get(path, Api.terminal("MI-001"));
            Api.Reply self = API.get(path, Api.customer(customer));
            Api.Reply noCustomer = API.get("/api/v1/missions/" + mission + "/explanation", Api.admin());
            Api.Reply badLimit = API.get(path + "&limit=0", Api.admin());
            Api.Reply badId = API.get("/api/v1/missions/" + mission + "/explanation?customerId=x", Api.admin());
            Api.Reply noMission = API.get(
                    "/api/v1/missions/" + UUID.randomUUID() + "/explanation?customerId=" + customer, Api.admin());

            assertThat(till.status()).as(till.toString()).isEqualTo(403);
            assertThat(self.status()).as(self.toString()).isEqualTo(403);
            assertThat(noCustomer.isProblem("validation-failed"))
                    .as(noCustomer.toString())
                    .isTrue();
            assertThat(noCustomer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("customerId");
            assertThat(badLimit.isProblem("validation-failed"))
                    .as(badLimit.toString())
                    .isTrue();
            assertThat(badLimit.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("limit");
            assertThat(badId.status()).as(badId.toString()).isBetween(400, 404);
            assertThat(noMission.isProblem("mission-not-found"))
                    .as(noMission.toString())
                    .isTrue();
        } finally {
            end(mission);
        }
    }
}
