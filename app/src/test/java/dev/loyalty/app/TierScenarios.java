package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tiers over HTTP, run by {@code ServiceIT.Tiers} on the shared deployment: Elena crosses Silver at
 * the till, a refund waits for the review, the console overrides a tier. Each test sets the
 * programme it needs first (the programme is one for the whole service; thresholds are far above
 * what the other tests' customers spend, and the first tier multiplies by 1, so they earn as
 * before), and reviews as of instants of its own, months ahead.
 */
abstract class TierScenarios {

    /** Bronze, Silver from 1,000 EUR (x1.5), Gold from 5,000 EUR (x2); reviewed quarterly on a year of spend. */
    static final String NET_SPEND =
            """
            {"metric": "NET_SPEND", "windowMonths": 12, "graceDays": 30, "reviewMonths": 3,
             "tiers": [{"name": "Bronze", "threshold": 0, "earnMultiplier": 1},
                       {"name": "Silver", "threshold": 100000, "earnMultiplier": 1.5},
                       {"name": "Gold", "threshold": 500000, "earnMultiplier": 2}]}""";

    /** The same tiers on points earned: Silver from 1,000 points. */
    static final String POINTS_EARNED = NET_SPEND
            .replace("NET_SPEND", "POINTS_EARNED")
            .replace("100000", "1000")
            .replace("500000", "5000");

    static Api.Reply put(String path, String token, String body) {
        return API.send("PUT", path, token, "application/json", body);
    }

    static void programme(String body) {
        Api.Reply set = put("/api/v1/tiers", Api.admin(), body);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    static String line(long cents) {
        return """
                {"sku": "SOFA-3", "category": "tier-test-furniture", "quantity": 1, "unitPrice": %d}"""
                .formatted(cents);
    }

    static Api.Reply buy(String customer, long cents) {
        return API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                Fixtures.purchase("MI-001", "T-" + unique(), customer, line(cents), cents));
    }

    static JsonObject tierOf(String customer) {
        Api.Reply me = API.get("/api/v1/me", Api.customer(customer));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json().getJsonObject("tier");
    }

    static JsonObject review(Instant at) {
        Api.Reply run = API.post("/api/v1/tiers/review?at=" + at, Api.admin(), "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getBoolean("finished")).isTrue();
        return run.json();
    }

    static List<JsonObject> tierEvents(String customer) {
        List<JsonObject> payloads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                PreparedStatement query = connection.prepareStatement(
                        "SELECT payload FROM domain_event WHERE type = 'TIER_CHANGED' AND aggregate_id = ? ORDER BY id")) {
            query.setString(1, customer);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(Json.createReader(new StringReader(rows.getString(1)))
                            .readObject());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }

    static Instant monthsAhead(int months, int days) {
        return Instant.now()
                .atOffset(ZoneOffset.UTC)
                .plusMonths(months)
                .plusDays(days)
                .toInstant()
                .plus(Duration.ofNanos(System.nanoTime() % 1_000_000_000L))
                .truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void thePurchaseCrossingSilverUpgradesInItsResponseAndSilverMultipliesFromTheNextPurchase() {
        programme(NET_SPEND);
        JsonObject enrolled = enrolled("elena." + unique() + "@example.com", null);
        String elena = enrolled.getString("customerId");
        String crossing = Fixtures.purchase("MI-001", "T-" + unique(), elena, line(100_000), 100_000);
        String key = UUID.randomUUID().toString();

        Api.Reply first = API.post("/api/v1/purchases", Api.terminal("MI-001"), crossing, key);
        Api.Reply replay = API.post("/api/v1/purchases", Api.terminal("MI-001"), crossing, key);
        Api.Reply quote = API.post(
                "/api/v1/checkouts/quote",
                Api.terminal("MI-001"),
                """
                {"storeId": "MI-001", "customerId": "%s", "lines": [%s]}"""
                        .formatted(elena, line(10_000)));
        Api.Reply next = buy(elena, 10_000);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonObject receipt = first.json();
        assertThat(receipt.getJsonNumber("pointsAwarded").longValue())
                .as("earned by Bronze, the tier in force before the purchase")
                .isEqualTo(1000);
        assertThat(receipt.getJsonObject("tierChanged").getString("from")).isEqualTo("Bronze");
        assertThat(receipt.getJsonObject("tierChanged").getString("to")).isEqualTo("Silver");
        assertThat(receipt.getJsonObject("tier").getString("name")).isEqualTo("Silver");
        assertThat(receipt.getJsonObject("tier").getString("progress")).contains("4000.00 EUR more for Gold");
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(quote.json().getJsonNumber("pointsToEarn").longValue())
                .as("the quote earns by Silver as the purchase will")
                .isEqualTo(150);
        assertThat(next.json().getJsonNumber("pointsAwarded").longValue())
                .as("Silver's x1.5 from the next purchase")
                .isEqualTo(150);
        assertThat(next.json().containsKey("tierChanged")).isFalse();

        JsonObject tier = tierOf(elena);
        assertThat(tier.getString("name")).isEqualTo("Silver");
        assertThat(tier.getJsonNumber("earnMultiplier").bigDecimalValue()).isEqualByComparingTo("1.5");
        assertThat(tier.getString("metric")).isEqualTo("NET_SPEND");
        assertThat(tier.getJsonNumber("qualifying").longValue()).isEqualTo(110_000);
        assertThat(tier.getString("nextTier")).isEqualTo("Gold");
        assertThat(tier.getJsonNumber("neededForNext").longValue()).isEqualTo(390_000);
        assertThat(tier.getString("neededBy"))
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).atEndOfMonth().toString());
        assertThat(tier.containsKey("reviewAt")).isTrue();
        JsonObject atTheTill = API.get(
                        "/api/v1/customers/lookup?card=" + enrolled.getString("cardNumber"), Api.terminal("TO-002"))
                .json()
                .getJsonObject("tier");
        assertThat(atTheTill.getString("name")).isEqualTo("Silver");
        assertThat(tierEvents(elena)).hasSize(1);
        JsonObject history = API.get("/api/v1/customers/" + elena + "/tier-history", Api.admin())
                .json();
        assertThat(history.getJsonArray("items")).hasSize(1);
        assertThat(history.getJsonArray("items").getJsonObject(0).getString("cause"))
                .isEqualTo("PURCHASE");
        assertThat(history.getJsonArray("items").getJsonObject(0).getString("reference"))
                .isEqualTo("purchase:" + receipt.getString("purchaseId"));
    }

    @Test
    void spendingPointsOnARewardDoesNotChangeTheTier() {
        programme(POINTS_EARNED);
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        Api.Reply crossing = buy(marco, 100_000);
        String templateId = Fixtures.template(Fixtures.WELCOME);
        String reward = API.post(
                        "/api/v1/rewards",
                        Api.admin(),
                        "{\"name\": \"Sofa cushion\", \"pointsCost\": 900, \"templateId\": \"" + templateId + "\"}")
                .json()
                .getString("rewardId");

        Api.Reply claim = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), "");

        assertThat(crossing.json().getJsonObject("tierChanged").getString("to")).isEqualTo("Silver");
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        assertThat(claim.json().getJsonNumber("walletBalance").longValue()).isEqualTo(100);
        JsonObject tier = tierOf(marco);
        assertThat(tier.getString("name")).isEqualTo("Silver");
        assertThat(tier.getJsonNumber("qualifying").longValue())
                .as("points earned, not the balance")
                .isEqualTo(1000);
        assertThat(tierEvents(marco)).hasSize(1);
    }

    @Test
    void aRefundWaitsForTheReviewWhichDowngradesOnceTheGracePeriodHasPassed() {
        programme(NET_SPEND);
        String refunded = enrolled(null, uniquePhone()).getString("customerId");
        String kept = enrolled(null, uniquePhone()).getString("customerId");
        String purchase = buy(refunded, 100_000).json().getString("purchaseId");
        buy(kept, 100_000);

        Api.Reply refund = API.post(
                "/api/v1/purchases/" + purchase + "/reversal", Api.terminal("MI-001"), "{\"reason\": \"refund\"}");
        JsonObject afterRefund = tierOf(refunded);
        review(monthsAhead(0, 1));
        String beforeTheReviewDate = tierOf(refunded).getString("name");
        review(monthsAhead(3, 2));
        String inTheGracePeriod = tierOf(refunded).getString("name");
        JsonObject downgrade = review(monthsAhead(3, 33));

        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(afterRefund.getString("name"))
                .as("no downgrade before the review date")
                .isEqualTo("Silver");
        assertThat(afterRefund.getJsonNumber("qualifying").longValue()).isZero();
        assertThat(afterRefund.getJsonNumber("neededToKeep").longValue()).isEqualTo(100_000);
        assertThat(beforeTheReviewDate).isEqualTo("Silver");
        assertThat(inTheGracePeriod).isEqualTo("Silver");
        assertThat(downgrade.getJsonNumber("downgraded").longValue()).isPositive();
        assertThat(tierOf(refunded).getString("name"))
                .as("the review saw the refund")
                .isEqualTo("Bronze");
        assertThat(tierOf(kept).getString("name"))
                .as("the same purchase without refund keeps Silver at the same reviews")
                .isEqualTo("Silver");
        JsonObject history = API.get("/api/v1/customers/" + refunded + "/tier-history", Api.admin())
                .json();
        assertThat(history.getJsonArray("items").getJsonObject(0).getString("cause"))
                .isEqualTo("REVIEW");
        assertThat(history.getJsonArray("items").getJsonObject(0).getString("to"))
                .isEqualTo("Bronze");
        List<JsonObject> events = tierEvents(refunded);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).keySet())
                .as("the review's SQL publishes what JSON-B publishes for a purchase")
                .isEqualTo(events.get(0).keySet());
        assertThat(events.get(1).getJsonObject("customerId").getString("value")).isEqualTo(refunded);
        assertThat(events.get(1).getString("cause")).isEqualTo("REVIEW");
        // the reviews above stand for instants months ahead: the timeline is read from beyond them
        Api.Reply timeline =
                API.get("/api/v1/customers/" + refunded + "/timeline?before=2100-01-01T00:00:00Z", Api.admin());
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        assertThat(timeline.body())
                .as("the tier history is in the customer's timeline")
                .contains("tier Silver -> Bronze (review)")
                .contains("tier Bronze -> Silver (purchase)");
    }

    @Test
    void anAdministratorsOverrideIsAuditedAndPublished() {
        programme(NET_SPEND);
        String anna = enrolled(null, uniquePhone()).getString("customerId");
        String until = Instant.now()
                .plus(Duration.ofDays(90))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        Api.Reply byATill = put(
                "/api/v1/customers/" + anna + "/tier",
                Api.terminal("MI-001"),
                "{\"tier\": \"Gold\", \"reason\": \"x\"}");
        Api.Reply unknown =
                put("/api/v1/customers/" + anna + "/tier", Api.admin(), "{\"tier\": \"Platinum\", \"reason\": \"x\"}");
        Api.Reply noReason = put("/api/v1/customers/" + anna + "/tier", Api.admin(), "{\"tier\": \"Gold\"}");
        Api.Reply nobody = put(
                "/api/v1/customers/" + UUID.randomUUID() + "/tier",
                Api.admin(),
                "{\"tier\": \"Gold\", \"reason\": \"x\"}");
        Api.Reply set = put(
                "/api/v1/customers/" + anna + "/tier",
                Api.admin(),
                """
                {"tier": "Gold", "reason": "Status match: Gold at a partner chain", "until": "%s"}"""
                        .formatted(until));

        assertThat(byATill.status()).isEqualTo(403);
        assertThat(unknown.isProblem("validation-failed"))
                .as(unknown.toString())
                .isTrue();
        assertThat(unknown.body()).contains("\"tier\"").contains("Bronze, Silver, Gold");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason");
        assertThat(nobody.isProblem("customer-not-found")).as(nobody.toString()).isTrue();
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getString("name")).isEqualTo("Gold");
        assertThat(set.json().getString("heldUntil")).isEqualTo(until);
        assertThat(tierOf(anna).getString("name")).isEqualTo("Gold");
        JsonObject audit = API.get("/api/v1/customers/" + anna + "/tier-history", Api.admin())
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(audit.getString("cause")).isEqualTo("ADMIN");
        assertThat(audit.getString("actor")).isEqualTo("console-user");
        assertThat(audit.getString("reason")).isEqualTo("Status match: Gold at a partner chain");
        assertThat(audit.getString("from")).isEqualTo("Bronze");
        assertThat(audit.getString("heldUntil")).isEqualTo(until);
        assertThat(tierEvents(anna)).singleElement().satisfies(event -> assertThat(event.getString("cause"))
                .isEqualTo("ADMIN"));
        assertThat(API.get("/api/v1/customers/" + anna + "/tier-history", Api.customer(anna))
                        .status())
                .isEqualTo(403);
        JsonObject export =
                API.get("/api/v1/customers/" + anna + "/export", Api.admin()).json();
        assertThat(export.getJsonArray("tierHistory").getJsonObject(0).getString("reason"))
                .as("the export holds the tier history too")
                .isEqualTo("Status match: Gold at a partner chain");
    }

    @Test
    void aBadProgrammeIsRefusedNamingTheFieldAndChangesNothing() {
        programme(NET_SPEND);
        long version = API.get("/api/v1/tiers", Api.customer(UUID.randomUUID().toString()))
                .json()
                .getJsonNumber("version")
                .longValue();

        Api.Reply descending = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("500000", "90000"));
        Api.Reply notFromZero =
                put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("\"threshold\": 0", "\"threshold\": 5"));
        Api.Reply inexact = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("1.5", "1.125"));
        Api.Reply absurd = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("1.5", "1000"));
        Api.Reply metric = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("NET_SPEND", "BALANCE"));
        Api.Reply window =
                put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("\"windowMonths\": 12", "\"windowMonths\": 0"));
        Api.Reply twice = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("\"Gold\"", "\"silver\""));
        Api.Reply wrongType = put("/api/v1/tiers", Api.admin(), NET_SPEND.replace("1.5", "\"lots\""));
        Api.Reply noTiers = put(
                "/api/v1/tiers", Api.admin(), "{\"metric\": \"NET_SPEND\", \"windowMonths\": 12, \"graceDays\": 0}");
        Api.Reply byATill = put("/api/v1/tiers", Api.terminal("MI-001"), NET_SPEND);

        assertThat(field(descending)).isEqualTo("tiers[2].threshold");
        assertThat(field(notFromZero)).isEqualTo("tiers[0].threshold");
        assertThat(field(inexact)).isEqualTo("tiers[1].earnMultiplier");
        assertThat(field(absurd)).isEqualTo("tiers[1].earnMultiplier");
        assertThat(field(metric)).isEqualTo("metric");
        assertThat(field(window)).isEqualTo("windowMonths");
        assertThat(field(twice)).isEqualTo("tiers[2].name");
        assertThat(field(noTiers)).isEqualTo("tiers");
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(byATill.status()).isEqualTo(403);
        assertThat(API.get("/api/v1/tiers", Api.terminal("MI-001"))
                        .json()
                        .getJsonNumber("version")
                        .longValue())
                .isEqualTo(version);
    }

    private static String field(Api.Reply reply) {
        assertThat(reply.isProblem("validation-failed")).as(reply.toString()).isTrue();
        assertThat(reply.status()).isEqualTo(422);
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void tierOnlyCouponsAndRewardsAreForTheirTiers() {
        programme(NET_SPEND);
        String silver = enrolled(null, uniquePhone()).getString("customerId");
        buy(silver, 100_000);
        String goldOnly = Fixtures.template(
                """
                {"name": "Gold gift", "discount": {"type": "AMOUNT_OFF", "value": 500}, "channels": ["STORE"],
                 "validDays": 30, "tiers": ["Gold"]}""");
        String code = Fixtures.personalCoupon(goldOnly, silver);
        Api.Reply unknownTier = API.post(
                "/api/v1/coupon-templates",
                Api.admin(),
                """
                {"name": "x", "discount": {"type": "AMOUNT_OFF", "value": 500}, "channels": ["STORE"],
                 "validDays": 30, "tiers": ["Diamond"]}""");
        String reward = API.post(
                        "/api/v1/rewards",
                        Api.admin(),
                        "{\"name\": \"Gold lounge\", \"pointsCost\": 10, \"templateId\": \"" + goldOnly
                                + "\", \"tiers\": [\"Gold\"]}")
                .json()
                .getString("rewardId");

        Api.Reply quote = API.post(
                "/api/v1/checkouts/quote",
                Api.terminal("MI-001"),
                """
                {"storeId": "MI-001", "customerId": "%s", "lines": [%s], "couponCodes": ["%s"]}"""
                        .formatted(silver, line(3_000), code));
        Api.Reply purchase = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                Fixtures.purchase("MI-001", "T-" + unique(), silver, line(3_000), 2_500, code));
        Api.Reply claim = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(silver), "");

        assertThat(unknownTier.isProblem("validation-failed"))
                .as(unknownTier.toString())
                .isTrue();
        assertThat(quote.json().getJsonArray("coupons").getJsonObject(0).getString("code"))
                .isEqualTo("coupon-tier-not-eligible");
        assertThat(purchase.isProblem("coupon-tier-not-eligible"))
                .as(purchase.toString())
                .isTrue();
        assertThat(claim.isProblem("reward-tier-not-eligible"))
                .as(claim.toString())
                .isTrue();
        JsonObject why = API.get(
                        "/api/v1/coupons/" + code + "/explanation?channel=STORE&amount=3000&customerId=" + silver,
                        Api.admin())
                .json();
        assertThat(why.getJsonArray("checks").toString())
                .as("the console's explanation judges the tier too")
                .contains("coupon-tier-not-eligible")
                .contains("this customer is Silver");
        assertThat(API.get("/api/v1/me/wallet", Api.customer(silver))
                        .json()
                        .getJsonNumber("balance")
                        .longValue())
                .as("nothing spent")
                .isEqualTo(1000);
    }
}
