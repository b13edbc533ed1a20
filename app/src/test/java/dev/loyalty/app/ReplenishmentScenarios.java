package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replenishment "on a clock" (seed 001) over HTTP, run by {@code ServiceIT.Replenishment} on
 * backdated history imported through {@code POST /imports/purchases}: Elena's 45-day cream bought
 * 30 days ago is offered today by a campaign with a 15-day lead, Marco who bought it again
 * yesterday is not, a second run the same day offers nobody twice, and the cross-sell variant
 * proposes the category the catalogue maps to face creams - not to Giulia, who bought one since.
 * Each test has a catalogue, a store and customers of its own.
 */
abstract class ReplenishmentScenarios {

    /** The programme's zone in the tests (the messaging's default): the run's "today". */
    private static final ZoneId PROGRAMME = ZoneId.of("Europe/Rome");

    private final String run = unique();
    private final String face = "face-" + run;
    private final String body = "body-" + run;
    private final String cream = "CREAM-" + run.toUpperCase();
    private final String store = "RP-" + run;

    @Test
    void aCreamBoughtThirtyDaysAgoIsOfferedTodayOnceAndNotToWhoBoughtItAgainYesterday() throws Exception {
        catalogue();
        String elena = customer();
        String marco = customer();
        imported(List.of(
                row("E1", daysAgo(30), elena, cream, face),
                row("M1", daysAgo(30), marco, cream, face),
                row("M2", daysAgo(1), marco, cream, face)));
        String campaign = launched(replenishment("SAME"));

        JsonObject first = finished(campaign, started(campaign));
        JsonObject second = finished(campaign, started(campaign));

        assertThat(first.getString("status")).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(first.getJsonNumber("offered").longValue()).isEqualTo(1);
        assertThat(members(campaign))
                .as("once per purchase cycle, about the product")
                .containsExactly(elena + " " + cream + "@"
                        + LocalDate.now(PROGRAMME).minusDays(30) + " OFFERED 10 " + cream + " null");
        assertThat(second.getString("status")).as(second.toString()).isEqualTo("COMPLETED");
        assertThat(second.getJsonNumber("processed").longValue())
                .as("the second run sees Elena again")
                .isEqualTo(1);
        assertThat(second.getJsonNumber("offered").longValue())
                .as("and offers her nothing twice")
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign + "'"))
                .isEqualTo(1);
    }

    @Test
    void theCrossSellVariantProposesTheMappedCategoryUnlessBoughtSince() throws Exception {
        catalogue();
        String elena = customer();
        String giulia = customer();
        String lotion = "LOTION-" + run.toUpperCase();
        product(lotion, body, null);
        imported(List.of(
                row("E1", daysAgo(30), elena, cream, face),
                row("G1", daysAgo(30), giulia, cream, face),
                row("G2", daysAgo(5), giulia, lotion, body)));
        String campaign = launched(replenishment("CROSS_SELL"));

        JsonObject done = finished(campaign, started(campaign));

        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(members(campaign))
                .as("Elena gets body creams proposed; Giulia bought some since her cream")
                .containsExactly(elena + " " + cream + "@"
                        + LocalDate.now(PROGRAMME).minusDays(30) + " OFFERED 10 null " + body);
    }

    /** Face creams (a 45-day cream among them) cross-sell body creams. */
    private void catalogue() {
        category(body, "");
        category(face, "\"" + body + "\"");
        product(cream, face, 45);
    }

    private static void category(String id, String crossSell) {
        Api.Reply reply = API.post(
                "/api/v1/categories",
                Api.admin(),
                "{\"id\": \"%s\", \"name\": \"%s\", \"crossSell\": [%s]}".formatted(id, id, crossSell));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static void product(String sku, String category, Integer consumptionDays) {
        Api.Reply reply = API.post(
                "/api/v1/products",
                Api.admin(),
                "{\"sku\": \"%s\", \"name\": \"%s\", \"category\": \"%s\"%s}"
                        .formatted(
                                sku,
                                sku,
                                category,
                                consumptionDays == null ? "" : ", \"consumptionDays\": " + consumptionDays));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static String customer() {
        return enrolled("replenishment." + unique() + "@example.com", uniquePhone())
                .getString("customerId");
    }

    /** Noon in the programme's zone, {@code days} days ago. */
    private static Instant daysAgo(int days) {
        return LocalDate.now(PROGRAMME)
                .minusDays(days)
                .atTime(LocalTime.NOON)
                .atZone(PROGRAMME)
                .toInstant();
    }

    private String row(String receipt, Instant at, String customer, String sku, String category) {
        return String.join(",", store, receipt, at.toString(), customer, sku, category, "1", "1800");
    }

    /** The backdated history, imported as a retailer would (metrics updated after the batch). */
    private static void imported(List<String> rows) {
        JsonObject job =
                HistoryScenarios.imported("text/csv", HistoryScenarios.HEADER + "\n" + String.join("\n", rows), "");
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.getInt("purchasesImported")).as(job.toString()).isEqualTo(rows.size());
    }

    private String replenishment(String propose) {
        return """
                {"name": "Cream running out %s", "type": "REPLENISHMENT", "holdoutPercent": 0,
                 "offer": {"points": 10}, "schedule": {"daily": "09:00"},
                 "replenishment": {"skus": ["%s"], "leadDays": 15, "propose": "%s"}}"""
                .formatted(run, cream, propose);
    }

    private static String launched(String definition) {
        Api.Reply created = API.post("/api/v1/campaigns", Api.admin(), definition);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        Api.Reply launch = API.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "");
        assertThat(launch.status()).as(launch.toString()).isEqualTo(200);
        return id;
    }

    private static String started(String campaign) {
        Api.Reply run = API.post("/api/v1/campaigns/" + campaign + "/runs", Api.admin(), "");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        return run.json().getString("runId");
    }

    private static JsonObject finished(String campaign, String runId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Api.Reply progress = API.get("/api/v1/campaigns/" + campaign + "/runs/" + runId, Api.admin());
            assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
            if (!"RUNNING".equals(progress.json().getString("status"))) {
                return progress.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " still running after 60 s");
    }

    /** {@code customer occasion outcome points scope_sku scope_category} of each member, by customer. */
    private static List<String> members(String campaign) throws Exception {
        List<String> members = new ArrayList<>();
        try (var db = SegmentScenarios.db();
                var query = db.prepareStatement("SELECT customer_id, occasion, outcome, points, scope_sku,"
                        + " scope_category FROM campaign_member WHERE campaign_id = ? ORDER BY customer_id")) {
            query.setString(1, campaign);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getLong(4) + " " + rows.getString(5) + " " + rows.getString(6));
                }
            }
        }
        return members;
    }
}
