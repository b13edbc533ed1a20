package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The single customer view over HTTP, run by {@code ServiceIT.Metrics} on the shared deployment: a
 * live purchase updates the metrics in its transaction and a reversal lowers them, an import
 * updates its customers, the rebuild scores RFM by quintiles, events weigh on engagement (an open
 * of a suppressed message does not), the customer sees no scores, and the roles and bad input. The
 * property-style comparison with an independent computation is {@link MetricsPropertyScenarios}.
 */
abstract class MetricsScenarios {

    static JsonObject profile(String customerId) {
        Api.Reply reply = API.get("/api/v1/customers/" + customerId + "/profile", Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject rebuild() {
        Api.Reply reply = API.post("/api/v1/metrics/rebuild", Api.admin(), "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static String purchaseAt(String store, String receipt, String customer, Instant at, String lines, long paid) {
        return """
                {"storeId": "%s", "receiptId": "%s", "occurredAt": "%s", "customerId": "%s", "channel": "STORE",
                 "lines": [%s], "couponCodes": [], "totalPaid": %d}"""
                .formatted(store, receipt, at, customer, lines, paid);
    }

    static String line(String sku, String category, int quantity, long unitPrice) {
        return """
                {"sku": "%s", "category": "%s", "quantity": %d, "unitPrice": %d}"""
                .formatted(sku, category, quantity, unitPrice);
    }

    static String recorded(String store, String body) {
        Api.Reply reply = API.post("/api/v1/purchases", Api.terminal(store), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("purchaseId");
    }

    static long number(JsonObject object, String field) {
        return object.getJsonNumber(field).longValue();
    }

    static String newCustomer() {
        return enrolled("metrics." + unique() + "@example.com", uniquePhone()).getString("customerId");
    }

    @Test
    void aPurchaseShowsInTheProfileReadJustAfterItAndAReversalLowersIt() {
        String elena = newCustomer();
        String store = "MT-" + unique();
        JsonObject before = profile(elena);
        assertThat(before.getString("customerId")).isEqualTo(elena);
        assertThat(number(before.getJsonObject("metrics"), "frequency")).isZero();
        assertThat(number(before.getJsonObject("metrics"), "monetary")).isZero();
        assertThat(before.getJsonObject("metrics").containsKey("lastPurchaseAt"))
                .isFalse();
        assertThat(before.getJsonArray("categories")).isEmpty();
        assertThat(before.getJsonArray("lastPurchases")).isEmpty();

        Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String first = recorded(
                store,
                purchaseAt(
                        store,
                        "R1",
                        elena,
                        at.minus(Duration.ofDays(3)),
                        line("RM-LASAGNA", "ready-meals", 3, 500) + "," + line("PC-CREAM", "face-cream", 1, 1_500),
                        3_000));
        String second =
                recorded(store, purchaseAt(store, "R2", elena, at, line("RM-SOUP", "ready-meals", 1, 1_000), 1_000));

        JsonObject after = profile(elena);
        JsonObject metrics = after.getJsonObject("metrics");
        assertThat(number(metrics, "frequency")).isEqualTo(2);
        assertThat(number(metrics, "monetary")).isEqualTo(4_000);
        assertThat(number(metrics, "averageBasket")).isEqualTo(2_000);
        assertThat(number(metrics, "lifetimeValue")).isEqualTo(4_000);
        assertThat(number(metrics, "lifetimeVisits")).isEqualTo(2);
        assertThat(number(metrics, "recencyDays")).isZero();
        assertThat(metrics.getJsonNumber("visitsPerMonth").bigDecimalValue()).isEqualByComparingTo("0.16");
        assertThat(metrics.getString("firstPurchaseAt"))
                .isEqualTo(at.minus(Duration.ofDays(3)).toString());
        assertThat(metrics.getString("lastPurchaseAt")).isEqualTo(at.toString());
        assertThat(metrics.getString("homeStore")).isEqualTo(store);
        assertThat(metrics.getInt("windowMonths")).isEqualTo(12);
        assertThat(categories(after))
                .containsExactly(Map.entry("ready-meals", 2_500L), Map.entry("face-cream", 1_500L));
        assertThat(after.getJsonArray("categories")
                        .getJsonObject(0)
                        .getJsonNumber("share")
                        .bigDecimalValue())
                .isEqualByComparingTo("0.625");
        assertThat(after.getJsonArray("lastPurchases").stream()
                        .map(v -> v.asJsonObject().getString("sku"))
                        .toList())
                .containsExactly("RM-SOUP", "PC-CREAM", "RM-LASAGNA");

        Api.Reply cream = API.post(
                "/api/v1/purchases/" + first + "/reversal",
                Api.terminal(store),
                "{\"lines\": [{\"lineNumber\": 2, \"quantity\": 1}], \"reason\": \"refund\"}");
        assertThat(cream.status()).as(cream.toString()).isEqualTo(200);
        JsonObject refunded = profile(elena);
        assertThat(number(refunded.getJsonObject("metrics"), "monetary")).isEqualTo(2_500);
        assertThat(number(refunded.getJsonObject("metrics"), "frequency")).isEqualTo(2);
        assertThat(categories(refunded)).containsExactly(Map.entry("ready-meals", 2_500L));
        assertThat(refunded.getJsonArray("lastPurchases").stream()
                        .map(v -> v.asJsonObject().getString("sku"))
                        .toList())
                .containsExactly("RM-SOUP", "RM-LASAGNA");

        Api.Reply voided = API.post("/api/v1/purchases/" + second + "/reversal", Api.terminal(store), "{}");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        JsonObject metricsAfterVoid = profile(elena).getJsonObject("metrics");
        assertThat(number(metricsAfterVoid, "frequency")).isEqualTo(1);
        assertThat(number(metricsAfterVoid, "monetary")).isEqualTo(1_500);
        assertThat(metricsAfterVoid.getString("lastPurchaseAt"))
                .isEqualTo(at.minus(Duration.ofDays(3)).toString());
        assertThat(number(metricsAfterVoid, "recencyDays")).isEqualTo(3);
    }

    static Map<String, Long> categories(JsonObject profile) {
        return profile.getJsonArray("categories").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(
                        c -> c.getString("category"),
                        c -> c.getJsonNumber("spend").longValue(),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @Test
    void anImportUpdatesItsCustomersMetrics() {
        String marco = newCustomer();
        String store = "MI-" + unique();
        Instant old = Instant.now().minus(Duration.ofDays(500)).truncatedTo(ChronoUnit.SECONDS);
        Instant recent = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        String csv = HistoryScenarios.HEADER + ",discount_cents\n"
                + store + ",H1," + old + "," + marco + ",PF-KIBBLE,pet-food,2,1000,0\n"
                + store + ",H2," + recent + "," + marco + ",PF-KIBBLE,pet-food,1,1000,100\n"
                + store + ",H2," + recent + "," + marco + ",CO-BEANS,coffee,1,800,0\n";

        JsonObject job = HistoryScenarios.imported("text/csv", csv, "");
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");

        JsonObject after = profile(marco);
        JsonObject metrics = after.getJsonObject("metrics");
        assertThat(number(metrics, "lifetimeVisits")).isEqualTo(2);
        assertThat(number(metrics, "lifetimeValue")).isEqualTo(2_000 + 1_700);
        assertThat(number(metrics, "frequency")).isEqualTo(1);
        assertThat(number(metrics, "monetary")).isEqualTo(1_700);
        assertThat(metrics.getString("firstPurchaseAt")).isEqualTo(old.toString());
        assertThat(number(metrics, "recencyDays")).isEqualTo(40);
        assertThat(categories(after)).containsExactly(Map.entry("pet-food", 900L), Map.entry("coffee", 800L));
        assertThat(after.getJsonArray("lastPurchases").stream()
                        .map(v -> v.asJsonObject().getString("sku") + "@"
                                + v.asJsonObject().getString("lastPurchaseAt"))
                        .toList())
                .containsExactlyInAnyOrder("PF-KIBBLE@" + recent, "CO-BEANS@" + recent);
    }

    @Test
    void theRebuildScoresRfmByQuintilesOfTheActiveCustomersAndSavesItsCutPoints() {
        String store = "RF-" + unique();
        Instant at = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        String big = newCustomer();
        String small = newCustomer();
        for (int i = 0; i < 15; i++) {
            recorded(store, purchaseAt(store, "B" + i, big, at.plusSeconds(i), line("X-1", "misc", 50, 1_000), 50_000));
        }
        recorded(store, purchaseAt(store, "S1", small, at.minus(Duration.ofDays(25)), line("X-1", "misc", 1, 1), 1));

        JsonObject run = rebuild();

        assertThat(run.getJsonNumber("activeCustomers").longValue()).isPositive();
        assertThat(number(run, "durationMs")).isNotNegative();
        Instant rebuiltAt = Instant.parse(run.getString("rebuiltAt"));
        assertThat(rebuiltAt).isAfter(at);
        assertThat(HistoryScenarios.text("SELECT COUNT(*) FROM metrics_rebuild WHERE running_until IS NULL"))
                .isEqualTo("1");
        JsonObject bigRfm = profile(big).getJsonObject("metrics").getJsonObject("rfm");
        JsonObject smallRfm = profile(small).getJsonObject("metrics").getJsonObject("rfm");
        assertThat(bigRfm.getInt("r")).isEqualTo(5);
        assertThat(bigRfm.getInt("f")).isEqualTo(5);
        assertThat(bigRfm.getInt("m")).isEqualTo(5);
        assertThat(smallRfm.getInt("m")).isEqualTo(1);
        assertThat(smallRfm.getInt("r")).isEqualTo(5 - exceeded(cuts("recency_cuts"), 25));
        assertThat(smallRfm.getInt("f")).isEqualTo(1 + exceeded(cuts("frequency_cuts"), 1));

        // a live purchase after the rebuild is scored by its cut points at once
        String fresh = newCustomer();
        recorded(store, purchaseAt(store, "F1", fresh, at, line("X-1", "misc", 50, 1_000), 50_000));
        JsonObject freshRfm = profile(fresh).getJsonObject("metrics").getJsonObject("rfm");
        assertThat(freshRfm.getInt("r")).isEqualTo(5);
        assertThat(freshRfm.getInt("m")).isEqualTo(1 + exceeded(cuts("monetary_cuts"), 50_000));
    }

    /** The four cut points of the last rebuild in a column of {@code metrics_rebuild}. */
    static List<Long> cuts(String column) {
        String stored = HistoryScenarios.text("SELECT " + column + " FROM metrics_rebuild");
        assertThat(stored).matches("\\d+,\\d+,\\d+,\\d+");
        return java.util.Arrays.stream(stored.split(",")).map(Long::parseLong).toList();
    }

    static int exceeded(List<Long> cuts, long value) {
        return (int) cuts.stream().filter(c -> value > c).count();
    }

    @Test
    void weightedEventsMakeTheEngagementScoreAndAnOpenOfASuppressedMessageDoesNotCount() {
        String ada = newCustomer();
        String suppressed = UUID.randomUUID().toString();
        HistoryScenarios.sql(
                """
                INSERT INTO message (id, customer_id, cause, kind, priority, template, template_values, status, reason,
                    attempts, leases, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, 'MARKETING', 0, 'x', '{}', 'SUPPRESSED', 'no consent', 0, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""",
                suppressed,
                ada,
                "test:" + suppressed);
        for (String type : List.of("EMAIL_OPENED", "EMAIL_CLICKED", "APP_OPENED", "PRODUCT_RETURNED", "PAGE_VIEWED")) {
            event(ada, type, "{}");
        }
        event(ada, "EMAIL_OPENED", "{\"messageId\": \"" + suppressed + "\"}");

        JsonObject metrics = profile(ada).getJsonObject("metrics");
        assertThat(number(metrics, "engagement")).isEqualTo(1 + 3 + 1 - 5);
        assertThat(number(metrics, "frequency")).isZero();

        event(ada, "EMAIL_CLICKED", "{}");
        assertThat(number(profile(ada).getJsonObject("metrics"), "engagement")).isEqualTo(3);
        rebuild();
        assertThat(number(profile(ada).getJsonObject("metrics"), "engagement")).isEqualTo(3);
    }

    @Test
    void eventsOfOneCustomerPostedAtOnceFromManyThreadsEachAddTheirWeightOnce() throws Exception {
        String ada = newCustomer();
        // the default weights; PAGE_VIEWED weighs nothing
        Map<String, Integer> weights = Map.of(
                "EMAIL_OPENED", 1, "EMAIL_CLICKED", 3, "APP_OPENED", 1, "PRODUCT_RETURNED", -5, "PAGE_VIEWED", 0);
        List<String> types = List.copyOf(new java.util.TreeSet<>(weights.keySet()));
        int threads = 8;
        int each = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        try {
            List<java.util.concurrent.Future<Integer>> posted = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                posted.add(pool.submit(() -> {
                    together.await();
                    int sum = 0;
                    for (int i = 0; i < each; i++) {
                        String type = types.get((thread + i) % types.size());
                        event(ada, type, "{}");
                        sum += weights.get(type);
                    }
                    return sum;
                }));
            }
            int expected = 0;
            for (java.util.concurrent.Future<Integer> thread : posted) {
                expected += thread.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }

            assertThat(number(profile(ada).getJsonObject("metrics"), "engagement"))
                    .isEqualTo(expected);
            rebuild();
            assertThat(number(profile(ada).getJsonObject("metrics"), "engagement"))
                    .as("the rebuild's recomputation over the window agrees")
                    .isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProspectsWeightedEventsCountOnceTheyEnrol() {
        String email = "prospect." + unique() + "@example.com";
        Api.Reply prospect = API.post(
                "/api/v1/events",
                Api.integration(),
                """
                {"eventId": "%s", "email": "%s", "type": "EMAIL_CLICKED"}"""
                        .formatted("p-" + UUID.randomUUID(), email));
        assertThat(prospect.status()).as(prospect.toString()).isEqualTo(202);
        assertThat(prospect.json().getString("status")).isEqualTo("PROSPECT");

        String ada = enrolled(email, uniquePhone()).getString("customerId");

        assertThat(number(profile(ada).getJsonObject("metrics"), "engagement")).isEqualTo(3);
        event(ada, "EMAIL_OPENED", "{}");
        assertThat(number(profile(ada).getJsonObject("metrics"), "engagement")).isEqualTo(4);
    }

    static void event(String customer, String type, String attributes) {
        Api.Reply reply = API.post(
                "/api/v1/events",
                Api.integration(),
                """
                {"eventId": "%s", "customerId": "%s", "type": "%s", "attributes": %s}"""
                        .formatted("m-" + UUID.randomUUID(), customer, type, attributes));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201, 202);
    }

    @Test
    void theCustomerSeesTheirSpendVisitsCategoriesAndHomeStoreButNoScores() {
        String elena = newCustomer();
        String store = "ME-" + unique();
        recorded(
                store,
                purchaseAt(
                        store,
                        "R1",
                        elena,
                        Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS),
                        line("RM-LASAGNA", "ready-meals", 2, 600),
                        1_200));
        rebuild();

        Api.Reply mine = API.get("/api/v1/me/profile", Api.customer(elena));

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonObject metrics = mine.json().getJsonObject("metrics");
        assertThat(number(metrics, "monetary")).isEqualTo(1_200);
        assertThat(number(metrics, "frequency")).isEqualTo(1);
        assertThat(metrics.getString("homeStore")).isEqualTo(store);
        assertThat(metrics.containsKey("rfm")).isFalse();
        assertThat(metrics.containsKey("engagement")).isFalse();
        assertThat(mine.json()
                        .getJsonArray("favouriteCategories")
                        .getJsonObject(0)
                        .getString("category"))
                .isEqualTo("ready-meals");
        assertThat(profile(elena).getJsonObject("metrics").containsKey("rfm")).isTrue();
    }

    @Test
    void theConsolesProfileNamesTheSegmentsTheCustomerIsInAndTheirAnswers() {
        String elena = newCustomer();
        String other = newCustomer();
        String store = "SG-" + unique();
        recorded(
                store,
                purchaseAt(
                        store,
                        "R1",
                        elena,
                        Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS),
                        line("RM-LASAGNA", "ready-meals", 1, 700),
                        700));
        String question = "household-" + unique();
        Api.Reply asked = API.post(
                "/api/v1/questions",
                Api.admin(),
                "{\"id\": \"%s\", \"text\": \"How many at home?\", \"allowedValues\": [\"1\", \"2\", \"3+\"]}"
                        .formatted(question));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        Api.Reply answered = API.send(
                "PUT",
                "/api/v1/me/answers/" + question,
                Api.customer(elena),
                "application/json",
                "{\"value\": \"3+\"}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        String name = "home store " + store;
        Api.Reply saved = API.post(
                "/api/v1/segments",
                Api.admin(),
                "{\"name\": \"%s\", \"condition\": {\"attribute\": \"homeStore\", \"eq\": \"%s\"}}"
                        .formatted(name, store));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);

        JsonObject hers = profile(elena);
        JsonObject theirs = profile(other);

        assertThat(hers.getJsonArray("segments").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("name"))
                .contains(name);
        assertThat(hers.getJsonArray("answers").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("question") + "=" + a.getString("value"))
                .containsExactly(question + "=3+");
        assertThat(theirs.getJsonArray("segments").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("name"))
                .doesNotContain(name);
        assertThat(theirs.getJsonArray("answers")).isEmpty();
    }

    @Test
    void theProfileIsTheConsolesTheRebuildTooAndTheAppReadsOnlyItsOwn() {
        String elena = newCustomer();
        for (String token : List.of(Api.terminal("MI-001"), Api.integration(), Api.customer(elena))) {
            Api.Reply reply = API.get("/api/v1/customers/" + elena + "/profile", token);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        }
        for (String token : List.of(Api.terminal("MI-001"), Api.integration(), Api.customer(elena))) {
            Api.Reply reply = API.post("/api/v1/metrics/rebuild", token, "");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        }
        for (String token : List.of(Api.admin(), Api.terminal("MI-001"), Api.integration())) {
            Api.Reply reply = API.get("/api/v1/me/profile", token);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        }
        assertThat(API.get("/api/v1/customers/" + elena + "/profile", null).status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownCustomerIsNotFoundAndAMalformedIdToo() {
        Api.Reply unknown = API.get("/api/v1/customers/" + UUID.randomUUID() + "/profile", Api.admin());
        Api.Reply malformed = API.get("/api/v1/customers/not-an-id/profile", Api.admin());
        Api.Reply gone =
                API.get("/api/v1/me/profile", Api.customer(UUID.randomUUID().toString()));

        for (Api.Reply reply : List.of(unknown, malformed, gone)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.json().getString("code")).isEqualTo("customer-not-found");
        }
    }

    @Test
    void aRebuildWhileAnotherHoldsTheLeaseIsRefusedAndChangesNothing() {
        rebuild();
        String before = HistoryScenarios.text("SELECT rebuilt_at FROM metrics_rebuild");
        HistoryScenarios.sql("UPDATE metrics_rebuild SET running_until = UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE");
        try {
            Api.Reply refused = API.post("/api/v1/metrics/rebuild", Api.admin(), "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().getString("code")).isEqualTo("metrics-rebuild-running");
            assertThat(HistoryScenarios.text("SELECT rebuilt_at FROM metrics_rebuild"))
                    .isEqualTo(before);
        } finally {
            HistoryScenarios.sql("UPDATE metrics_rebuild SET running_until = NULL");
        }
        assertThat(new BigDecimal(rebuild().getJsonNumber("activeCustomers").toString()))
                .isPositive();
    }
}
