package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.record;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Operations: readiness on the database, metrics, the OpenAPI document; run by {@code
 * ServiceIT.Operations} on the shared deployment.
 */
abstract class OperationsScenarios {

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
    void metricsCountWhatTheServiceDidOnceCommitted() {
        String customer = enrolled("metered." + unique() + "@example.com", null).getString("customerId");
        String before = applicationMetrics();
        String body = purchase("MI-001", "R-" + unique(), customer, TEN_LASAGNE, 6000);
        String key = "metered-" + unique();

        Api.Reply paid = API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key);
        Api.Reply replayed = API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key);
        Api.Reply refused = record(
                purchase("MI-001", "R-" + unique(), java.util.UUID.randomUUID().toString(), TEN_LASAGNE, 6000));

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(replayed.replayed()).isTrue();
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        long earned = paid.json().getJsonNumber("pointsAwarded").longValue();
        assertThat(earned).isPositive();
        String after = applicationMetrics();
        String recordPurchase = "operation=\"recordPurchase\"";
        assertThat(grew(before, after, "loyalty_api_requests_total", recordPurchase, "status=\"201\""))
                .as("the first answer and its replay")
                .isGreaterThanOrEqualTo(2);
        assertThat(grew(before, after, "loyalty_api_replays_total", recordPurchase))
                .isGreaterThanOrEqualTo(1);
        assertThat(grew(
                        before,
                        after,
                        "loyalty_api_problems_total",
                        recordPurchase,
                        "code=\"" + refused.json().getString("code") + "\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(grew(before, after, "loyalty_api_request_milliseconds_count", recordPurchase))
                .isGreaterThanOrEqualTo(3);
        assertThat(grew(before, after, "loyalty_points_total", "type=\"EARN\""))
                .as("the points the purchase earned, counted once (not again for the replay nor for the refused one)")
                .isGreaterThanOrEqualTo(earned);
        assertThat(grew(before, after, "loyalty_domain_events_total", "type=\"PURCHASE_RECORDED\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after)
                .contains("loyalty_outbox_queued")
                .contains("loyalty_outbox_lag_seconds")
                .contains("loyalty_reactions_backlog")
                .contains("loyalty_reactions_lag_seconds")
                .contains("loyalty_reactions_parked");
    }

    private static String applicationMetrics() {
        Api.Reply metrics = API.getAccepting("/metrics?scope=application", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    /** How much the sum of a metric's samples having every tag given grew between two scrapes. */
    private static double grew(String before, String after, String name, String... tags) {
        return sum(after, name, tags) - sum(before, name, tags);
    }

    private static double sum(String scrape, String name, String... tags) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(tags).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
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
