package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.personalCoupon;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tills that lost the network (issue 18): offline purchases uploaded in a batch, each item answered
 * as {@code POST /purchases} with its key would be; a purchase older than the offline limit refused
 * with its own code; a coupon redeemed twice offline a conflict, not a failed upload. Run by
 * {@code ServiceIT.OfflineTills}.
 */
abstract class OfflineTillScenarios {

    private static String offline(String receipt, String customer, Instant occurredAt, long paid, String... codes) {
        return """
                {"storeId": "MI-001", "receiptId": "%s", "occurredAt": "%s", "customerId": "%s", "channel": "STORE",
                 "lines": [{"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}],
                 "couponCodes": [%s], "totalPaid": %d, "offline": true}"""
                .formatted(
                        receipt,
                        occurredAt,
                        customer,
                        String.join(
                                ",",
                                java.util.Arrays.stream(codes)
                                        .map(c -> '"' + c + '"')
                                        .toList()),
                        paid);
    }

    private static String item(String key, String purchase) {
        return "{\"idempotencyKey\": \"" + key + "\", \"purchase\": " + purchase + "}";
    }

    private static List<JsonObject> upload(String token, List<String> items) {
        Api.Reply reply =
                API.postLong("/api/v1/purchases/batch", token, "{\"items\": [" + String.join(",", items) + "]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    @Test
    void aHundredOfflinePurchasesUploadedTwiceAreRecordedOnceAndATooOldOneIsRefused() {
        String run = unique();
        String customer = enrolled("offline." + run + "@example.com", null).getString("customerId");
        Instant closed = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item(
                    "off-" + run + "-" + i, offline("OFF-" + run + "-" + i, customer, closed.plusSeconds(i), 6000)));
        }
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        items.add(item("off-" + run + "-old", offline("OFF-" + run + "-old", customer, eightDaysAgo, 6000)));
        String till = Api.terminal("MI-001");

        List<JsonObject> first = upload(till, items);
        List<JsonObject> again = upload(till, items);

        assertThat(first).hasSize(101);
        for (int i = 0; i < 100; i++) {
            JsonObject once = first.get(i);
            JsonObject replayed = again.get(i);
            assertThat(once.getInt("index")).isEqualTo(i);
            assertThat(once.getInt("status")).as(once.toString()).isEqualTo(201);
            assertThat(once.getBoolean("replayed")).isFalse();
            assertThat(replayed.getInt("status")).as(replayed.toString()).isEqualTo(201);
            assertThat(replayed.getBoolean("replayed")).isTrue();
            assertThat(replayed.getString("purchaseId")).isEqualTo(once.getString("purchaseId"));
        }
        for (List<JsonObject> upload : List.of(first, again)) {
            JsonObject old = upload.get(100);
            assertThat(old.getInt("status")).as(old.toString()).isEqualTo(422);
            assertThat(old.getJsonObject("problem").getString("code")).isEqualTo("offline-purchase-too-old");
            assertThat(old.containsKey("purchaseId")).isFalse();
        }
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE receipt_id LIKE 'OFF-" + run + "-%'"))
                .isEqualTo(100);
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + customer
                        + "' AND reference LIKE 'purchase:%'"))
                .as("each purchase earned once")
                .isEqualTo(100);
    }

    @Test
    void aCouponRedeemedTwiceOfflineIsAConflictAndBothPurchasesAreKept() {
        String run = unique();
        String customer = enrolled("offline." + run + "@example.com", null).getString("customerId");
        String code = personalCoupon(template(WELCOME), customer);
        // both tills used it after it was issued (an offline purchase's coupons are judged as of then)
        Instant morning = Instant.now();
        String till = Api.terminal("MI-001");

        List<JsonObject> results = upload(
                till,
                List.of(
                        item("dbl-" + run + "-1", offline("DBL-" + run + "-1", customer, morning, 5500, code)),
                        item(
                                "dbl-" + run + "-2",
                                offline("DBL-" + run + "-2", customer, morning.plusSeconds(60), 5500, code))));
        Api.Reply online = Fixtures.record(
                Fixtures.purchase("MI-001", "DBL-" + run + "-3", customer, Fixtures.TEN_LASAGNE, 5500, code));

        JsonObject first = results.get(0);
        JsonObject second = results.get(1);
        assertThat(first.getInt("status")).as(first.toString()).isEqualTo(201);
        assertThat(first.getJsonObject("purchase").containsKey("couponConflicts"))
                .isFalse();
        assertThat(second.getInt("status")).as(second.toString()).isEqualTo(201);
        assertThat(second.getJsonObject("purchase")
                        .getJsonArray("couponConflicts")
                        .getString(0))
                .isEqualTo(code);
        assertThat(second.getJsonObject("purchase")
                        .getJsonNumber("pointsAwarded")
                        .longValue())
                .as("earned on the net the customer paid")
                .isEqualTo(55);
        assertThat(online.isProblem("coupon-already-redeemed"))
                .as("a till online is still refused: " + online)
                .isTrue();

        Api.Reply losses = API.get("/api/v1/coupon-conflicts?limit=500", Api.admin());
        assertThat(losses.status()).as(losses.toString()).isEqualTo(200);
        JsonObject loss = losses.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("purchaseId").equals(second.getString("purchaseId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no conflict listed: " + losses));
        assertThat(loss.getString("code")).isEqualTo(code);
        assertThat(loss.getJsonNumber("loss").longValue()).isEqualTo(500);
        assertThat(loss.getString("firstRedemption")).isEqualTo("purchase:" + first.getString("purchaseId"));
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE code = '" + code + "' AND status = 'REDEEMED'"))
                .isEqualTo(1);
        assertThat(API.get("/api/v1/coupon-conflicts", till).status()).isEqualTo(403);
        Api.Reply export = API.get("/api/v1/customers/" + customer + "/export", Api.admin());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<JsonObject> exported = export.json()
                .getJsonObject("records")
                .getJsonArray("couponConflicts")
                .getValuesAs(JsonObject.class);
        assertThat(exported)
                .as("the GDPR export carries the customer's coupon conflicts")
                .anySatisfy(c -> {
                    assertThat(c.getString("code")).isEqualTo(code);
                    assertThat(c.getString("purchaseId")).isEqualTo(second.getString("purchaseId"));
                    assertThat(c.getString("discount")).isEqualTo("500");
                });
    }

    @Test
    void aBatchThatIsNotAListOfKeyedPurchasesIsRefusedWholeAndABadItemOnItsOwn() {
        String run = unique();
        String customer = enrolled("offline." + run + "@example.com", null).getString("customerId");
        String till = Api.terminal("MI-001");
        String good = offline("BAD-" + run + "-1", customer, Instant.now().minusSeconds(60), 6000);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(item("k" + i, good));
        }

        Api.Reply asCustomer = API.post(
                "/api/v1/purchases/batch", Api.customer(customer), "{\"items\": [" + item("c-" + run, good) + "]}");
        Api.Reply empty = API.post("/api/v1/purchases/batch", till, "{\"items\": []}");
        Api.Reply overfull =
                API.postLong("/api/v1/purchases/batch", till, "{\"items\": [" + String.join(",", tooMany) + "]}");
        Api.Reply keyless = API.post("/api/v1/purchases/batch", till, "{\"items\": [{\"purchase\": " + good + "}]}");
        List<JsonObject> judged = upload(
                till,
                List.of(
                        item("bad-" + run + "-0", good.replace("\"totalPaid\": 6000", "\"totalPaid\": -1")),
                        item("bad-" + run + "-1", good)));

        assertThat(asCustomer.status()).as(asCustomer.toString()).isEqualTo(403);
        assertThat(empty.isProblem("validation-failed")).as(empty.toString()).isTrue();
        assertThat(overfull.isProblem("validation-failed"))
                .as(overfull.toString())
                .isTrue();
        assertThat(keyless.isProblem("validation-failed"))
                .as(keyless.toString())
                .isTrue();
        assertThat(keyless.body()).contains("idempotencyKey");
        assertThat(judged.get(0).getInt("status")).isEqualTo(422);
        assertThat(judged.get(0).getJsonObject("problem").getString("code")).isEqualTo("validation-failed");
        assertThat(judged.get(0).getJsonObject("problem").toString()).contains("totalPaid");
        assertThat(judged.get(1).getInt("status")).as(judged.get(1).toString()).isEqualTo(201);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE receipt_id LIKE 'BAD-" + run + "-%'"))
                .as("only the good item, once")
                .isEqualTo(1);
    }

    @Test
    void aTillHoldsACouponForOfflineUseAndNoOtherStoreRedeemsItMeanwhile() {
        String run = unique();
        String customer = enrolled("offline." + run + "@example.com", null).getString("customerId");
        String code = personalCoupon(template(WELCOME), customer);
        String till = Api.terminal("MI-001");

        Api.Reply held = API.post("/api/v1/coupons/" + code + "/reservations", till, "{\"minutes\": 240}");
        Api.Reply elsewhere = API.post(
                "/api/v1/purchases",
                Api.terminal("RM-009"),
                Fixtures.purchase("RM-009", "RSV-" + run + "-1", customer, Fixtures.TEN_LASAGNE, 5500, code));
        Api.Reply heldElsewhere = API.post("/api/v1/coupons/" + code + "/reservations", Api.terminal("RM-009"), "{}");
        Api.Reply asCustomer = API.post("/api/v1/coupons/" + code + "/reservations", Api.customer(customer), "{}");
        Api.Reply tooLong = API.post("/api/v1/coupons/" + code + "/reservations", till, "{\"minutes\": 0}");
        Api.Reply typo = API.post("/api/v1/coupons/AAAA-AAAA-A/reservations", till, "{}");
        List<JsonObject> uploaded = upload(
                till, List.of(item("rsv-" + run, offline("RSV-" + run + "-2", customer, Instant.now(), 5500, code))));

        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().getString("storeId")).isEqualTo("MI-001");
        assertThat(Instant.parse(held.json().getString("reservedUntil")))
                .isAfter(Instant.now().plus(Duration.ofMinutes(230)));
        assertThat(elsewhere.isProblem("coupon-reserved"))
                .as(elsewhere.toString())
                .isTrue();
        assertThat(heldElsewhere.isProblem("coupon-reserved"))
                .as(heldElsewhere.toString())
                .isTrue();
        assertThat(asCustomer.status()).as(asCustomer.toString()).isEqualTo(403);
        assertThat(tooLong.isProblem("validation-failed"))
                .as(tooLong.toString())
                .isTrue();
        assertThat(tooLong.body()).contains("minutes");
        assertThat(typo.isProblem("coupon-code-invalid")).as(typo.toString()).isTrue();
        assertThat(uploaded.get(0).getInt("status"))
                .as(uploaded.get(0).toString())
                .isEqualTo(201);
        assertThat(uploaded.get(0).getJsonObject("purchase").containsKey("couponConflicts"))
                .isFalse();
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE code = '" + code + "' AND status = 'REDEEMED'"))
                .isEqualTo(1);
    }
}
