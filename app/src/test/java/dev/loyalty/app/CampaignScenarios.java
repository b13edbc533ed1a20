package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Campaigns over HTTP, run by {@code ServiceIT.Campaigns}: a draft's life and its refusals (bad
 * definitions with the path of the bad node, transitions the status does not allow, wrong roles), a
 * calendar run over an audience of its own with a 50% holdout checked against the keyed hash, a
 * budget held by two runs racing on one campaign, and a run whose runner died half-way taken over
 * by the timer from its cursor, nobody offered twice. Customers are written in SQL, each test in a
 * city of its own (the audience's condition asks for it).
 */
abstract class CampaignScenarios {

    static String calendar(String city, int holdout, String templateId, String budget) {
        return """
                {"name": "Christmas %s", "type": "CALENDAR", "holdoutPercent": %d,
                 "audience": {"condition": {"attribute": "city", "eq": "%s"}},
                 "offer": {"templateId": "%s"},
                 "message": {"template": "Merry Christmas {firstName}: {couponCode}"}%s}"""
                .formatted(city, holdout, city, templateId, budget == null ? "" : ", \"budget\": " + budget);
    }

    static String defined(String definition) {
        Api.Reply reply = API.post("/api/v1/campaigns", Api.admin(), definition);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("status")).isEqualTo("DRAFT");
        return reply.json().getString("id");
    }

    static String launched(String definition) {
        String id = defined(definition);
        Api.Reply launch = API.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "");
        assertThat(launch.status()).as(launch.toString()).isEqualTo(200);
        return id;
    }

    /** Enrols customers (no channel, no consent) living in {@code city}: @return their ids */
    static List<String> customers(String city, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Reply enrolled = API.post("/api/v1/customers", Api.admin(), Fixtures.VALID_ENROLMENT);
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            String id = enrolled.json().getString("customerId");
            Api.execute("UPDATE customer SET city = '" + city + "' WHERE id = '" + id + "'");
            ids.add(id);
        }
        return ids;
    }

    static String started(String campaign) {
        Api.Reply run = API.post("/api/v1/campaigns/" + campaign + "/runs", Api.admin(), "");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        return run.json().getString("runId");
    }

    static JsonObject finished(String campaign, String runId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Api.Reply progress = API.get("/api/v1/campaigns/" + campaign + "/runs/" + runId, Api.admin());
            assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
            if (!"RUNNING".equals(progress.json().getString("status"))) {
                return progress.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not end within 60 s");
    }

    static long bucket(String key, String campaign, String customer) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
        byte[] digest = mac.doFinal((campaign + ":" + customer).getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (digest[i] & 0xff);
        }
        return Long.remainderUnsigned(head, 10_000);
    }

    /** @return customer -> {member_group, outcome, coupon_code} of a campaign's members */
    static Map<String, String[]> members(String campaign) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection db = SegmentScenarios.db();
                PreparedStatement select = db.prepareStatement(
                        "SELECT customer_id, member_group, outcome, coupon_code, occasion FROM campaign_member"
                                + " WHERE campaign_id = ?")) {
            select.setString(1, campaign);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String key = r.getString(1) + "/" + r.getString(5);
                    assertThat(rows.put(key, new String[] {r.getString(2), r.getString(3), r.getString(4)}))
                            .as("one row per customer and occasion")
                            .isNull();
                }
            }
        }
        return rows;
    }

    @Test
    void aDraftIsLaunchedPausedAndCancelledAndEveryWrongStepIsRefused() {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Campaign " + unique()));
        String city = "Cmp-" + unique();
        String definition = calendar(city, 10, templateId, "{\"maxCoupons\": 5}");

        Api.Reply byATill = API.post("/api/v1/campaigns", Api.terminal("MI-001"), definition);
        assertThat(byATill.status()).as(byATill.toString()).isEqualTo(403);
        Api.Reply bad =
                API.post("/api/v1/campaigns", Api.admin(), definition.replace("\"eq\": \"" + city + "\"", "\"eq\": 7"));
        assertThat(bad.isProblem("campaign-invalid")).as(bad.toString()).isTrue();
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("path")).isEqualTo("$.audience.condition.eq");
        Api.Reply cron = API.post(
                "/api/v1/campaigns",
                Api.admin(),
                definition.replace("\"holdoutPercent\": 10", "\"schedule\": {\"cron\": \"0 25 * * *\"}"));
        assertThat(cron.isProblem("campaign-invalid")).as(cron.toString()).isTrue();
        assertThat(cron.json().getString("path")).isEqualTo("$.schedule.cron");
        assertThat(cron.json().getString("detail")).contains("between 0 and 23");
        // a good cron schedule: launched, its next run is the next minute the expression names
        String weekly =
                defined(definition.replace("\"holdoutPercent\": 10", "\"schedule\": {\"cron\": \"15 7 * * sun\"}"));
        JsonObject launchedWeekly = API.post("/api/v1/campaigns/" + weekly + "/launch", Api.admin(), "")
                .json();
        assertThat(launchedWeekly.getString("status")).isEqualTo("SCHEDULED");
        java.time.ZonedDateTime nextRun = java.time.Instant.parse(launchedWeekly.getString("nextRunAt"))
                .atZone(java.time.ZoneId.of("Europe/Rome")); // the programme's zone (LOYALTY_MESSAGING_TIME_ZONE)
        assertThat(nextRun.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
        assertThat(nextRun.toLocalTime()).isEqualTo(java.time.LocalTime.of(7, 15));
        assertThat(nextRun.toInstant())
                .isBetween(java.time.Instant.now(), java.time.Instant.now().plus(Duration.ofDays(7)));
        API.post("/api/v1/campaigns/" + weekly + "/cancel", Api.admin(), "");
        Api.Reply noTemplate = API.post(
                "/api/v1/campaigns",
                Api.admin(),
                calendar(city, 10, java.util.UUID.randomUUID().toString(), null));
        assertThat(noTemplate.isProblem("campaign-invalid"))
                .as(noTemplate.toString())
                .isTrue();
        assertThat(noTemplate.json().getString("path")).isEqualTo("$.offer.templateId");
        Api.Reply notJson = API.post("/api/v1/campaigns", Api.admin(), "{\"name\": ");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(422);

        String id = defined(definition);
        Api.Reply read = API.get("/api/v1/campaigns/" + id, Api.admin());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getJsonObject("definition").getInt("holdoutPercent"))
                .isEqualTo(10);
        assertThat(API.get("/api/v1/campaigns", Api.admin()).items())
                .anySatisfy(c -> assertThat(c.getString("id")).isEqualTo(id));
        assertThat(API.get("/api/v1/campaigns", Api.integration()).status()).isEqualTo(403);
        assertThat(API.get(
                                "/api/v1/campaigns/" + id,
                                Api.customer(java.util.UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(403);
        assertThat(API.get("/api/v1/campaigns/" + java.util.UUID.randomUUID(), Api.admin())
                        .isProblem("campaign-not-found"))
                .isTrue();
        assertThat(API.get("/api/v1/campaigns/not-an-id", Api.admin()).status()).isEqualTo(404);
        assertThat(API.get("/api/v1/campaigns/" + id + "/runs/" + java.util.UUID.randomUUID(), Api.admin())
                        .isProblem("campaign-run-not-found"))
                .isTrue();

        Api.Reply runADraft = API.post("/api/v1/campaigns/" + id + "/runs", Api.admin(), "");
        assertThat(runADraft.isProblem("campaign-state-conflict"))
                .as(runADraft.toString())
                .isTrue();
        assertThat(runADraft.status()).isEqualTo(409);
        assertThat(API.post("/api/v1/campaigns/" + id + "/pause", Api.admin(), "")
                        .status())
                .isEqualTo(409);

        Api.Reply changed = API.send(
                "PUT",
                "/api/v1/campaigns/" + id,
                Api.admin(),
                "application/json",
                definition.replace("\"holdoutPercent\": 10", "\"holdoutPercent\": 20"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getJsonNumber("version").longValue()).isEqualTo(2);

        Api.Reply launch = API.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "");
        assertThat(launch.json().getString("status")).isEqualTo("SCHEDULED");
        assertThat(API.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "")
                        .isProblem("campaign-state-conflict"))
                .isTrue();
        assertThat(API.post("/api/v1/campaigns/" + id + "/launch", Api.terminal("MI-001"), "")
                        .status())
                .isEqualTo(403);
        Api.Reply changeLaunched =
                API.send("PUT", "/api/v1/campaigns/" + id, Api.admin(), "application/json", definition);
        assertThat(changeLaunched.isProblem("campaign-state-conflict"))
                .as(changeLaunched.toString())
                .isTrue();

        assertThat(API.post("/api/v1/campaigns/" + id + "/pause", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("PAUSED");
        assertThat(API.post("/api/v1/campaigns/" + id + "/runs", Api.admin(), "")
                        .status())
                .isEqualTo(409);
        assertThat(API.post("/api/v1/campaigns/" + id + "/runs", Api.terminal("MI-001"), "")
                        .status())
                .isEqualTo(403);
        assertThat(API.get("/api/v1/campaigns/" + id + "/runs", Api.terminal("MI-001"))
                        .status())
                .as("a till lists no campaign runs")
                .isEqualTo(403);
        Api.Reply badLimit = API.get("/api/v1/campaigns/" + id + "/runs?limit=0", Api.admin());
        assertThat(badLimit.status()).as(badLimit.toString()).isEqualTo(422);
        assertThat(badLimit.json().getString("code")).isEqualTo("validation-failed");
        assertThat(API.get("/api/v1/campaigns/" + id + "/runs?limit=abc", Api.admin())
                        .status())
                .as("a limit that is no number is a client error")
                .isBetween(400, 499);
        assertThat(API.get("/api/v1/campaigns/" + java.util.UUID.randomUUID() + "/runs", Api.admin())
                        .status())
                .isEqualTo(404);
        assertThat(API.post("/api/v1/campaigns/" + id + "/cancel", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("CANCELLED");
        assertThat(API.post("/api/v1/campaigns/" + id + "/cancel", Api.admin(), "")
                        .status())
                .isEqualTo(409);
        assertThat(API.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aCalendarRunHoldsHalfOutByTheKeyedHashAndIssuesCouponsWithinItsBudget() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Xmas " + unique()));
        String city = "Xmas-" + unique();
        List<String> customers = customers(city, 40);
        String campaign = launched(calendar(city, 50, templateId, "{\"maxCoupons\": 8}"));
        String runId = started(campaign);

        JsonObject run = finished(campaign, runId);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.getJsonNumber("total").longValue()).isEqualTo(40);
        assertThat(run.getJsonNumber("processed").longValue()).isEqualTo(40);
        assertThat(run.getInt("percent")).isEqualTo(100);

        String key;
        try (Connection db = SegmentScenarios.db();
                PreparedStatement select = db.prepareStatement("SELECT holdout_key FROM campaign WHERE id = ?")) {
            select.setString(1, campaign);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                key = r.getString(1);
            }
        }
        Map<String, String[]> members = members(campaign);
        assertThat(members).hasSize(40);
        int control = 0;
        for (String customer : customers) {
            String[] row = members.get(customer + "/" + runId);
            assertThat(row).as("member " + customer).isNotNull();
            boolean heldOut = bucket(key, campaign, customer) < 5_000;
            assertThat(row[0]).isEqualTo(heldOut ? "CONTROL" : "TREATMENT");
            if (heldOut) {
                control++;
                assertThat(row[1]).isEqualTo("HELD_OUT");
                assertThat(row[2]).isNull();
            }
        }
        int treatment = 40 - control;
        assertThat(treatment).as("enough treatment members to meet the budget").isGreaterThan(8);
        assertThat(run.getJsonNumber("heldOut").longValue()).isEqualTo(control);
        assertThat(run.getJsonNumber("overBudget").longValue()).isEqualTo(treatment - 8);
        assertThat(run.getJsonNumber("offered").longValue()
                        + run.getJsonNumber("suppressed").longValue())
                .isEqualTo(8);
        // the customers have no channel: the outbox says so, and the run records it
        assertThat(run.getJsonNumber("suppressed").longValue()).isEqualTo(8);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE campaign_id = '" + campaign + "'"))
                .isEqualTo(8);
        assertThat(Api.count("SELECT coupons_issued FROM campaign WHERE id = '" + campaign + "'"))
                .isEqualTo(8);
        assertThat(Api.count("SELECT COUNT(*) FROM message WHERE cause LIKE 'campaign:" + campaign + ":%'"))
                .isEqualTo(8);
        assertThat(Api.count("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign
                        + "' AND outcome = 'SUPPRESSED' AND suppressed_reason IS NOT NULL"))
                .isEqualTo(8);
    }

    @Test
    void twoRunsRacingOnOneCampaignNeverGoOverItsBudget() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Race " + unique()));
        String city = "Race-" + unique();
        customers(city, 60);
        String campaign = launched(calendar(city, 0, templateId, "{\"maxCoupons\": 25}"));
        List<String> runs = Fixtures.race(2, i -> started(campaign));
        long overBudget = 0;
        for (String runId : runs) {
            JsonObject run = finished(campaign, runId);
            assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
            assertThat(run.getJsonNumber("processed").longValue()).isEqualTo(60);
            overBudget += run.getJsonNumber("overBudget").longValue();
        }
        assertThat(overBudget).isEqualTo(120 - 25);
        // the campaign's list of runs shows both, newest first, with the figures each one's progress has
        JsonArray listed = API.get("/api/v1/campaigns/" + campaign + "/runs", Api.admin())
                .json()
                .getJsonArray("items");
        assertThat(listed.stream().map(r -> r.asJsonObject().getString("runId")).toList())
                .containsExactlyInAnyOrderElementsOf(runs);
        assertThat(java.time.Instant.parse(listed.getJsonObject(0).getString("scheduledFor")))
                .isAfterOrEqualTo(
                        java.time.Instant.parse(listed.getJsonObject(1).getString("scheduledFor")));
        assertThat(listed.stream()
                        .mapToLong(r ->
                                r.asJsonObject().getJsonNumber("overBudget").longValue())
                        .sum())
                .isEqualTo(120 - 25);
        assertThat(API.get("/api/v1/campaigns/" + campaign + "/runs?limit=1", Api.admin())
                        .json()
                        .getJsonArray("items"))
                .hasSize(1);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE campaign_id = '" + campaign + "'"))
                .isEqualTo(25);
        assertThat(Api.count("SELECT coupons_issued FROM campaign WHERE id = '" + campaign + "'"))
                .isEqualTo(25);
        assertThat(members(campaign)).hasSize(120);
    }

    @Test
    void aRunWhoseRunnerDiedIsTakenOverFromItsCursorAndNobodyIsOfferedTwice() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Crash " + unique()));
        String city = "Crash-" + unique();
        List<String> customers = customers(city, 30);
        String campaign = launched(calendar(city, 0, templateId, null));
        String runId = started(campaign);
        assertThat(finished(campaign, runId).getString("status")).isEqualTo("COMPLETED");

        // as if the runner had died after the first 12 members: its later pages never committed
        List<String> sorted = customers.stream().sorted().toList();
        String cursor = sorted.get(11);
        Api.execute("DELETE FROM campaign_member WHERE campaign_id = '" + campaign + "' AND customer_id > '" + cursor
                + "'");
        Api.execute("UPDATE campaign_run SET status = 'RUNNING', finished_at = NULL, processed = 12, offered = 0,"
                + " suppressed = 0, cursor_customer = '" + cursor + "', lease_owner = 'a-dead-runner',"
                + " lease_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = '" + runId + "'");
        // run in lanes (LOYALTY_CAMPAIGN_RUN_LANES): the lanes after the cursor were not done, the one
        // holding it was done up to it, and their runner died with their leases
        Api.execute("UPDATE campaign_run_lane SET done = FALSE, cursor_customer = GREATEST(low, '" + cursor + "'),"
                + " lease_owner = 'a-dead-runner', lease_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND"
                + " WHERE run_id = '" + runId + "' AND (high IS NULL OR high > '" + cursor + "')");

        JsonObject run = finished(campaign, runId);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.getJsonNumber("processed").longValue()).isEqualTo(30);
        Map<String, String[]> members = members(campaign);
        assertThat(members).hasSize(30);
        assertThat(Api.count("SELECT COUNT(*) FROM message WHERE cause LIKE 'campaign:" + campaign + ":%'"))
                .as("one message per member: the 12 before the cursor were not sent again")
                .isEqualTo(30);
    }

    @Test
    void elenasPersonalOfferIsRefusedOnASmallerBasketAndAcceptedOnALargerOne() throws Exception {
        String city = "Elena-" + unique();
        String elena =
                Fixtures.enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        Api.execute("UPDATE customer SET city = '" + city + "' WHERE id = '" + elena + "'");
        Api.execute("INSERT INTO customer_metrics (customer_id, last_purchase_at, frequency, monetary, average_basket,"
                + " computed_at) VALUES ('" + elena + "', UTC_TIMESTAMP(6), 4, 10000, 2500, UTC_TIMESTAMP(6))"
                + " ON DUPLICATE KEY UPDATE average_basket = 2500");
        // the template says 3 EUR off 20 EUR: Elena's coupon carries figures of its own
        String templateId = Fixtures.template(Fixtures.WELCOME
                .replace("Newsletter welcome", "Elena " + unique())
                .replace("\"value\": 500", "\"value\": 300"));
        String campaign = launched(
                """
                {"name": "Elena's ready meals %s", "type": "PERSONAL_OFFER", "holdoutPercent": 0,
                 "audience": {"condition": {"attribute": "city", "eq": "%s"}},
                 "offer": {"templateId": "%s", "personal": {"valuePercentOfAverageBasket": 20,
                   "minSpendMultipleOfAverageBasket": 2, "roundTo": 500, "min": 500, "max": 2000,
                   "category": "ready-meals"}},
                 "message": {"template": "{firstName}, {offerValue} EUR off ready meals from {minSpend} EUR: {couponCode}"}}"""
                        .formatted(city, city, templateId));
        JsonObject run = finished(campaign, started(campaign));
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.getJsonNumber("total").longValue()).isEqualTo(1);

        String code;
        try (Connection db = SegmentScenarios.db();
                PreparedStatement select = db.prepareStatement(
                        "SELECT m.coupon_code, m.offer_value_cents, m.offer_min_spend_cents, m.scope_category,"
                                + " c.value_cents, c.min_spend_cents, c.category, c.campaign_id"
                                + " FROM campaign_member m JOIN coupon c ON c.code = m.coupon_code"
                                + " WHERE m.campaign_id = ?")) {
            select.setString(1, campaign);
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).isTrue();
                code = r.getString(1);
                assertThat(r.getLong(2)).isEqualTo(500);
                assertThat(r.getLong(3)).isEqualTo(5000);
                assertThat(r.getString(4)).isEqualTo("ready-meals");
                assertThat(r.getLong(5)).isEqualTo(500);
                assertThat(r.getLong(6)).isEqualTo(5000);
                assertThat(r.getString(7)).isEqualTo("ready-meals");
                assertThat(r.getString(8)).isEqualTo(campaign);
            }
        }
        String smaller =
                """
                {"storeId": "MI-001", "customerId": "%s", "channel": "STORE", "couponCodes": ["%s"],
                 "lines": [{"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 8, "unitPrice": 600}]}"""
                        .formatted(elena, code);
        Api.Reply refused = API.post("/api/v1/checkouts/quote", Api.terminal("MI-001"), smaller);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        JsonObject verdict = refused.json().getJsonArray("coupons").getJsonObject(0);
        assertThat(verdict.getString("status")).as(refused.toString()).isEqualTo("REJECTED");
        assertThat(verdict.getString("code")).isEqualTo("coupon-min-spend-not-met");

        Api.Reply accepted = API.post(
                "/api/v1/checkouts/quote",
                Api.terminal("MI-001"),
                smaller.replace("\"quantity\": 8", "\"quantity\": 10"));
        JsonObject applicable = accepted.json().getJsonArray("coupons").getJsonObject(0);
        assertThat(applicable.getString("status")).as(accepted.toString()).isEqualTo("APPLICABLE");
        assertThat(applicable.getJsonNumber("discount").longValue()).isEqualTo(500);
    }

    @Test
    void aFollowUpTargetsTheEarlierTreatmentsNonRespondersOnceTheirWindowHasClosed() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Spring " + unique()));
        String city = "Fu-" + unique();
        List<String> ids = customers(city, 4);
        String earlier = launched(
                """
                {"name": "Spring %s", "type": "CALENDAR", "holdoutPercent": 0, "attributionDays": 7,
                 "audience": {"condition": {"attribute": "city", "eq": "%s"}}, "offer": {"templateId": "%s"}}"""
                        .formatted(city, city, templateId));
        JsonObject first = finished(earlier, started(earlier));
        assertThat(first.getString("status")).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.getJsonNumber("offered").longValue()).isEqualTo(4);
        // contacted ten days ago: the 7-day window has closed; the first customer bought 3 days
        // after the contact (a responder), the second 8 days after it (too late: a non-responder)
        Api.execute("UPDATE campaign_member SET contacted_at = NOW(6) - INTERVAL 10 DAY WHERE campaign_id = '" + earlier
                + "'");
        String store = "FU-" + unique();
        for (int i = 0; i < 2; i++) {
            String receipt = "R-" + unique();
            Api.Reply bought = API.post(
                    "/api/v1/purchases",
                    Api.terminal(store),
                    Fixtures.purchase(store, receipt, ids.get(i), Fixtures.TEN_LASAGNE, 6000));
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            Api.execute("UPDATE purchase SET occurred_at = NOW(6) - INTERVAL " + (i == 0 ? 7 : 2)
                    + " DAY WHERE store_id = '" + store + "' AND receipt_id = '" + receipt + "'");
        }

        String followUp = launched(
                """
                {"name": "Spring again %s", "type": "FOLLOW_UP", "holdoutPercent": 0,
                 "followUp": {"campaignId": "%s", "group": "NON_RESPONDERS"}, "offer": {"templateId": "%s"}}"""
                        .formatted(
                                city,
                                earlier,
                                Fixtures.template(
                                        Fixtures.WELCOME.replace("Newsletter welcome", "Again " + unique()))));
        JsonObject second = finished(followUp, started(followUp));
        assertThat(second.getString("status")).as(second.toString()).isEqualTo("COMPLETED");

        assertThat(members(followUp).keySet().stream()
                        .map(key -> key.substring(0, key.indexOf('/')))
                        .toList())
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(3));
        String responders = launched(
                """
                {"name": "Thanks %s", "type": "FOLLOW_UP", "holdoutPercent": 0,
                 "followUp": {"campaignId": "%s", "group": "RESPONDERS"}, "offer": {"templateId": "%s"}}"""
                        .formatted(
                                city,
                                earlier,
                                Fixtures.template(
                                        Fixtures.WELCOME.replace("Newsletter welcome", "Thanks " + unique()))));
        finished(responders, started(responders));
        assertThat(members(responders).keySet().stream()
                        .map(key -> key.substring(0, key.indexOf('/')))
                        .toList())
                .containsExactly(ids.get(0));
    }

    static String status(String campaign) {
        Api.Reply read = API.get("/api/v1/campaigns/" + campaign, Api.admin());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json().getString("status");
    }

    static void awaitStatus(String campaign, String status, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!status.equals(status(campaign))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("campaign " + campaign + " is " + status(campaign) + ", not " + status);
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aCampaignGoesRunningWithItsFirstRunAndCompletedWhenItsScheduleOrItsDatesAreOver() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Status " + unique()));
        String city = "Status-" + unique();
        customers(city, 3);

        // one slot: the timer starts its run (RUNNING), and once that run ended nothing is left (COMPLETED)
        String once = defined(calendar(city, 0, templateId, null)
                .replace(
                        "\"holdoutPercent\": 0",
                        "\"holdoutPercent\": 0, \"schedule\": {\"at\": \""
                                + java.time.Instant.now().plusSeconds(1) + "\"}"));
        assertThat(API.post("/api/v1/campaigns/" + once + "/launch", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("SCHEDULED");
        awaitStatus(once, "COMPLETED", Duration.ofSeconds(60));
        assertThat(members(once)).hasSize(3);
        assertThat(API.post("/api/v1/campaigns/" + once + "/runs", Api.admin(), "")
                        .isProblem("campaign-state-conflict"))
                .as("a completed campaign runs no more")
                .isTrue();
        assertThat(API.post("/api/v1/campaigns/" + once + "/pause", Api.admin(), "")
                        .status())
                .isEqualTo(409);

        // run from the console only: RUNNING from its first run on, and it stays so (it has no last slot)
        String manual = launched(calendar(city, 0, templateId, null));
        assertThat(status(manual)).isEqualTo("SCHEDULED");
        String runId = started(manual);
        assertThat(status(manual)).isEqualTo("RUNNING");
        assertThat(finished(manual, runId).getString("status")).isEqualTo("COMPLETED");
        assertThat(status(manual)).isEqualTo("RUNNING");
        assertThat(API.post("/api/v1/campaigns/" + manual + "/pause", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("PAUSED");
        assertThat(API.post("/api/v1/campaigns/" + manual + "/runs", Api.admin(), "")
                        .status())
                .as("a paused campaign does not run")
                .isEqualTo(409);
        assertThat(API.post("/api/v1/campaigns/" + manual + "/launch", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("SCHEDULED");
        assertThat(API.post("/api/v1/campaigns/" + manual + "/cancel", Api.admin(), "")
                        .json()
                        .getString("status"))
                .isEqualTo("CANCELLED");
        assertThat(API.post("/api/v1/campaigns/" + manual + "/complete", Api.admin(), "")
                        .status())
                .as("no such transition")
                .isEqualTo(404);

        // an end date: once it passes (and no run is in progress), the timer completes the campaign
        String dated = launched(calendar(city, 0, templateId, null)
                .replace(
                        "\"holdoutPercent\": 0",
                        "\"holdoutPercent\": 0, \"activeUntil\": \""
                                + java.time.Instant.now().plusSeconds(3) + "\""));
        assertThat(finished(dated, started(dated)).getString("status")).isEqualTo("COMPLETED");
        awaitStatus(dated, "COMPLETED", Duration.ofSeconds(40));
    }

    @Test
    void aRuleOfACampaignHoldsOutItsControlGroupAndItsFiringsAreTheCampaignsMembers() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Rule " + unique()));
        String city = "Rule-" + unique();
        String campaign = launched(calendar(city, 50, templateId, null));
        String marker = unique();
        String rule =
                """
                {"name": "App installed %s", "on": "APP_INSTALLED", "campaignId": "%s",
                 "conditions": {"attributes": {"campaign": "%s"}},
                 "actions": [{"type": "ISSUE_COUPON", "templateId": "%s"}]}""";

        Api.Reply unknownCampaign = API.post(
                "/api/v1/rules", Api.admin(), rule.formatted(marker, java.util.UUID.randomUUID(), marker, templateId));
        assertThat(unknownCampaign.status()).as(unknownCampaign.toString()).isEqualTo(422);
        assertThat(unknownCampaign.body()).contains("campaignId");
        Api.Reply unknownSegment = API.post(
                "/api/v1/rules",
                Api.admin(),
                rule.formatted(marker, campaign, marker, templateId)
                        .replace(
                                "\"conditions\": {",
                                "\"conditions\": {\"segments\": [\"" + java.util.UUID.randomUUID() + "\"], "));
        assertThat(unknownSegment.status()).as(unknownSegment.toString()).isEqualTo(422);
        assertThat(unknownSegment.body()).contains("conditions.segments");
        Api.Reply notAnId =
                API.post("/api/v1/rules", Api.admin(), rule.formatted(marker, "not-an-id", marker, templateId));
        assertThat(notAnId.status()).as(notAnId.toString()).isEqualTo(422);
        assertThat(notAnId.body()).contains("campaignId");
        assertThat(API.post(
                                "/api/v1/rules",
                                Api.terminal("MI-001"),
                                rule.formatted(marker, campaign, marker, templateId))
                        .status())
                .isEqualTo(403);

        Api.Reply defined =
                API.post("/api/v1/rules", Api.admin(), rule.formatted(marker, campaign, marker, templateId));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String ruleId = defined.json().getString("ruleId");
        assertThat(API.get("/api/v1/rules/" + ruleId, Api.admin()).json().getString("campaignId"))
                .isEqualTo(campaign);
        try {
            List<String> customers = customers(city, 16);
            for (String customer : customers) {
                Api.Reply event = API.post(
                        "/api/v1/events",
                        Api.integration(),
                        """
                        {"eventId": "rc-%s", "customerId": "%s", "type": "APP_INSTALLED",
                         "attributes": {"campaign": "%s"}}"""
                                .formatted(unique(), customer, marker));
                assertThat(event.status()).as(event.toString()).isIn(200, 201, 202);
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + ruleId + "'") < 16) {
                assertThat(System.nanoTime()).as("16 reactions within 60 s").isLessThan(until);
                Thread.sleep(250);
            }

            String key = Api.one("SELECT holdout_key FROM campaign WHERE id = '" + campaign + "'");
            Map<String, String[]> members = members(campaign);
            assertThat(members).hasSize(16);
            int control = 0;
            for (String customer : customers) {
                boolean heldOut = bucket(key, campaign, customer) < 5_000;
                String[] row = members.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(customer + "/rule:" + ruleId + ":event:"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no member row for " + customer));
                assertThat(row[0]).isEqualTo(heldOut ? "CONTROL" : "TREATMENT");
                assertThat(row[1]).isEqualTo(heldOut ? "HELD_OUT" : "OFFERED");
                assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId
                                + "' AND customer_id = '" + customer + "'"))
                        .as("a coupon for the treatment group only")
                        .isEqualTo(heldOut ? 0 : 1);
                if (heldOut) {
                    control++;
                } else {
                    assertThat(row[2]).isNotNull();
                }
            }
            Api.Reply evaluation = API.get("/api/v1/campaigns/" + campaign + "/evaluation", Api.admin());
            assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
            assertThat(evaluation.json().getJsonObject("control").getInt("customers"))
                    .isEqualTo(control);
            assertThat(evaluation.json().getJsonObject("treatment").getInt("customers"))
                    .isEqualTo(16 - control);
            assertThat(evaluation.json().getJsonObject("treatment").getInt("couponsIssued"))
                    .isEqualTo(16 - control);
        } finally {
            API.send("DELETE", "/api/v1/rules/" + ruleId, Api.admin(), null, null);
        }
    }

    @Test
    void aMemberWithoutConsentIsSuppressedAndStillGetsTheCouponWithoutAMessage() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Consent " + unique()));
        String city = "Consent-" + unique();
        // an e-mail address, and no consent to marketing by e-mail
        Api.Reply enrolled = API.post(
                "/api/v1/customers",
                Api.admin(),
                """
                {"firstName": "Bruno", "email": "bruno.%s@example.com", "preferredChannel": "EMAIL",
                 "consents": {"marketingEmail": false}, "enrolmentChannel": "WEB"}"""
                        .formatted(unique()));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String bruno = enrolled.json().getString("customerId");
        Api.execute("UPDATE customer SET city = '" + city + "' WHERE id = '" + bruno + "'");
        String campaign = launched(calendar(city, 0, templateId, null));
        JsonObject run = finished(campaign, started(campaign));
        assertThat(run.getJsonNumber("suppressed").longValue())
                .as(run.toString())
                .isEqualTo(1);

        String[] member = members(campaign).values().iterator().next();
        assertThat(member[1]).isEqualTo("SUPPRESSED");
        assertThat(member[2])
                .as("the coupon is not a message: it is issued all the same")
                .isNotNull();
        String reason = Api.one("SELECT suppressed_reason FROM campaign_member WHERE campaign_id = '" + campaign + "'");
        assertThat(reason).isNotBlank();
        // the run stored the message SUPPRESSED already (as the relay would have settled it): never sent,
        // never claimed, its history as the relay writes it
        String cause = "campaign:" + campaign + ":%";
        assertThat(Api.one("SELECT CONCAT(status, ' ', leases) FROM message WHERE cause LIKE '" + cause + "'"))
                .as("nothing is sent without consent, and no relay took the message")
                .isEqualTo("SUPPRESSED 0");
        Api.Reply messages = API.get("/api/v1/customers/" + bruno + "/messages", Api.admin());
        assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
        JsonObject message =
                jakarta.json.Json.createReader(new java.io.StringReader(messages.body())).readArray().stream()
                        .map(jakarta.json.JsonValue::asJsonObject)
                        .filter(m -> m.getString("cause").startsWith("campaign:" + campaign + ":"))
                        .findFirst()
                        .orElseThrow();
        assertThat(message.getString("status")).isEqualTo("SUPPRESSED");
        assertThat(message.getString("reason")).startsWith(reason);
        assertThat(message.containsKey("nextAttemptAt") && !message.isNull("nextAttemptAt"))
                .isFalse();
        assertThat(message.getJsonArray("history").stream()
                        .map(h -> h.asJsonObject().getString("status") + " "
                                + h.asJsonObject().getString("detail"))
                        .toList())
                .containsExactly("QUEUED MARKETING message queued", "SUPPRESSED " + message.getString("reason"));
        assertThat(API.get("/api/v1/me/coupons", Api.customer(bruno)).body())
                .as("Bruno sees the coupon in the app and can use it at the till")
                .contains(member[2]);
    }

    @Test
    void aDiscountBudgetHoldsForAnAmountOffCouponAndIsRefusedWhereTheValueIsNotKnown() throws Exception {
        // 5 EUR off each: a 12 EUR discount budget gives two coupons, not three
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Discount " + unique()));
        String city = "Discount-" + unique();
        customers(city, 5);
        String campaign = launched(calendar(city, 0, templateId, "{\"maxDiscountCents\": 1200}"));
        JsonObject run = finished(campaign, started(campaign));
        assertThat(run.getJsonNumber("overBudget").longValue())
                .as(run.toString())
                .isEqualTo(3);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId + "'"))
                .isEqualTo(2);
        assertThat(Api.count("SELECT discount_committed_cents FROM campaign WHERE id = '" + campaign + "'"))
                .isEqualTo(1000);

        String percentOff = Fixtures.template(
                """
                {"name": "Ten percent %s", "discount": {"type": "PERCENT_OFF", "value": 10},
                 "channels": ["STORE"], "validDays": 30}"""
                        .formatted(unique()));
        Api.Reply refused = API.post(
                "/api/v1/campaigns", Api.admin(), calendar(city, 0, percentOff, "{\"maxDiscountCents\": 1200}"));
        assertThat(refused.isProblem("campaign-invalid")).as(refused.toString()).isTrue();
        assertThat(refused.json().getString("path")).isEqualTo("$.budget.maxDiscountCents");
    }
}
