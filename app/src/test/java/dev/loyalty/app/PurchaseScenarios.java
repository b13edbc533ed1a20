package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.bearerCodes;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.personalCoupon;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.race;
import static dev.loyalty.app.Fixtures.record;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.theBooksBalance;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Purchases recorded at the till: earning, redemption, idempotency, reversals, races; run by
 * {@code ServiceIT.Purchases} on the shared deployment.
 */
abstract class PurchaseScenarios {

    @Test
    void aFullBasketOfLongSkusIsRecordedWithItsEvent() {
        String marco = enrolled("marco." + unique() + "@example.com", null).getString("customerId");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String sku = "%064d".formatted(i);
            lines.add("""
                    {"sku": "%s", "category": "c-%s", "quantity": 1, "unitPrice": 100}"""
                    .formatted(sku, sku.substring(2)));
        }

        Api.Reply paid = record(purchase("MI-001", "R-" + unique(), marco, String.join(",", lines), 50_000));

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(Api.count("SELECT LENGTH(attributes) FROM customer_event WHERE event_id = 'purchase:"
                        + paid.json().getString("purchaseId") + "'"))
                .as("every SKU and category of the basket kept in the purchase's event")
                .isGreaterThan(65_535);
    }

    @Test
    void aBasketOfTwoThousandLinesIsRefusedNamingItsLinesAndNothingIsStored() {
        String marco = enrolled("marco." + unique() + "@example.com", null).getString("customerId");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add("{\"sku\": \"S%d\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 1}".formatted(i));
        }
        String receipt = "R-" + unique();

        Api.Reply refused = record(purchase("MI-001", receipt, marco, String.join(",", lines), 2_000));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem("validation-failed"))
                .as(refused.toString())
                .isTrue();
        assertThat(refused.body()).contains("\"lines\"");
        assertThat(Api.count(
                        "SELECT COUNT(*) FROM purchase WHERE store_id = 'MI-001' AND receipt_id = '" + receipt + "'"))
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco
                        + "' AND type = 'PURCHASE_RECORDED'"))
                .isZero();
    }

    @Test
    void elenaPaysWithHerCouponEarnsOnTheNetAndTheTillPrintsHerBalance() {
        String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        String code = personalCoupon(template(WELCOME), elena);

        Api.Reply paid = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, code));

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonObject receipt = paid.json();
        assertThat(paid.location()).endsWith("/api/v1/purchases/" + receipt.getString("purchaseId"));
        assertThat(receipt.getJsonNumber("pointsAwarded").longValue()).isEqualTo(55);
        assertThat(receipt.getJsonNumber("walletBalance").longValue()).isEqualTo(55);
        assertThat(receipt.getJsonArray("couponsRedeemed").getString(0)).isEqualTo(code);
        assertThat(receipt.getJsonArray("couponDiscounts")
                        .getJsonObject(0)
                        .getJsonNumber("discount")
                        .longValue())
                .isEqualTo(500);
        assertThat(receipt.getJsonObject("totals").getJsonNumber("net").longValue())
                .isEqualTo(5500);
        JsonObject wallet = API.get("/api/v1/me/wallet", Api.customer(elena)).json();
        assertThat(wallet.getJsonNumber("balance").longValue()).isEqualTo(55);
        JsonObject earned = wallet.getJsonArray("entries").getJsonObject(0);
        assertThat(earned.getString("type")).isEqualTo("EARN");
        assertThat(earned.getString("reference")).isEqualTo("purchase:" + receipt.getString("purchaseId"));
        assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("status"))
                .isEqualTo("REDEEMED");
        assertThat(Api.count("SELECT COUNT(*) FROM domain_event WHERE type = 'PURCHASE_RECORDED' AND aggregate_id = '"
                        + receipt.getString("purchaseId") + "'"))
                .isEqualTo(1);
        Api.Reply read = API.get("/api/v1/purchases/" + receipt.getString("purchaseId"), Api.customer(elena));
        assertThat(read.json()
                        .getJsonArray("lines")
                        .getJsonObject(0)
                        .getJsonNumber("net")
                        .longValue())
                .isEqualTo(5500);
        // another store's purchase is not found there: its existence is not told (issue 17)
        Api.Reply elsewhere = API.get("/api/v1/purchases/" + receipt.getString("purchaseId"), Api.terminal("RM-009"));
        assertThat(elsewhere.isProblem("purchase-not-found"))
                .as(elsewhere.toString())
                .isTrue();
    }

    @Test
    void aCouponThatCannotBeAppliedRejectsThePurchaseAndNothingChanges() {
        String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        String code = personalCoupon(template(WELCOME), elena);
        assertThat(record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, code))
                        .status())
                .isEqualTo(201);
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");
        long entries = Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'");
        String fresh = personalCoupon(template(WELCOME), elena);
        String small =
                """
                {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}""";

        Api.Reply again = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5000, fresh, code));
        Api.Reply belowMinimum = record(purchase("MI-001", "R-" + unique(), elena, small, 450, fresh));
        Api.Reply typo = record(purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 5500, "AAAA-AAAA-A"));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem("coupon-already-redeemed")).isTrue();
        assertThat(belowMinimum.isProblem("coupon-min-spend-not-met"))
                .as(belowMinimum.toString())
                .isTrue();
        assertThat(belowMinimum.json().getString("detail")).contains("4.50 EUR");
        assertThat(typo.isProblem("coupon-code-invalid")).as(typo.toString()).isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'"))
                .isEqualTo(entries);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE code = '" + fresh + "' AND status = 'ISSUED'"))
                .isEqualTo(1);
    }

    @Test
    void aReceiptIsRecordedOncePerStoreAndBadPurchasesAreRefused() {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String receipt = "R-" + unique();
        assertThat(record(purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000)).status())
                .isEqualTo(201);
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");

        Api.Reply twice = record(purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000));
        Api.Reply overpaid = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6001));
        Api.Reply badTime = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000)
                .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"yesterday\""));
        Api.Reply future = record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000)
                .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"2099-01-01T00:00:00Z\""));
        Api.Reply otherStore = record(purchase("RM-009", "R-" + unique(), marco, TEN_LASAGNE, 6000));
        Api.Reply byACustomer = API.post(
                "/api/v1/purchases",
                Api.customer(marco),
                purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000));
        Api.Reply badKey = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000),
                "x".repeat(256));

        assertThat(twice.isProblem("purchase-already-recorded"))
                .as(twice.toString())
                .isTrue();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(overpaid.isProblem("validation-failed"))
                .as(overpaid.toString())
                .isTrue();
        assertThat(overpaid.body()).contains("totalPaid");
        assertThat(badTime.isProblem("validation-failed")).isTrue();
        assertThat(badTime.body()).contains("occurredAt");
        assertThat(future.body()).contains("occurredAt");
        assertThat(otherStore.status()).isEqualTo(403);
        assertThat(byACustomer.status()).isEqualTo(403);
        assertThat(badKey.isProblem("validation-failed")).as(badKey.toString()).isTrue();
        assertThat(badKey.body()).contains("Idempotency-Key");
        assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
    }

    @Test
    void theSamePurchaseSentTwentyTimesAtOnceAndTwentyTimesAfterIsRecordedOnce() throws Exception {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String receipt = "R-" + unique();
        String body = purchase("MI-001", receipt, marco, TEN_LASAGNE, 6000);
        String key = UUID.randomUUID().toString();

        List<Api.Reply> concurrent = race(20, n -> API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key));
        List<Api.Reply> sequential = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sequential.add(API.post("/api/v1/purchases", Api.terminal("MI-001"), body, key));
        }
        Api.Reply otherBody = API.post("/api/v1/purchases", Api.terminal("MI-001"), body.replace("6000", "5999"), key);

        List<Api.Reply> all = new ArrayList<>(concurrent);
        all.addAll(sequential);
        assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(all.stream().map(Api.Reply::body).distinct()).hasSize(1);
        assertThat(all.stream().map(Api.Reply::location).distinct()).hasSize(1);
        assertThat(all.stream().filter(r -> !r.replayed())).hasSize(1);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.isProblem("idempotency-key-reused")).isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE receipt_id = '" + receipt + "'"))
                .isEqualTo(1);
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + marco + "'"))
                .isEqualTo(1);
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                .isEqualTo(60);
        theBooksBalance();
    }

    /**
     * The reactions' worker awards points on the wallet the tills are buying on, at the same time:
     * its transaction locks the wallet through the entity manager and writes it in plain JDBC. Were
     * that JDBC on a second connection (the DataSource outside a request's transaction), the write
     * would wait on its own transaction's lock until the lock wait timeout (50 s) and the tills
     * behind it.
     */
    @Test
    void tillsAndTheReactionsCreditingOneWalletAtOnceLoseNothingAndNeverWaitOnThemselves() throws Exception {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String type = "TILL_RACE_" + unique().toUpperCase(Locale.ROOT);
        Api.Reply rule = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Till race %s", "on": "%s", "actions": [{"type": "AWARD_POINTS", "points": 3}]}"""
                        .formatted(unique(), type));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        String ruleId = rule.json().getString("ruleId");
        int events = 12;
        int tills = 12;
        try {
            long started = System.nanoTime();
            List<Api.Reply> replies = race(
                    events + tills,
                    n -> n < events
                            ? API.post(
                                    "/api/v1/events",
                                    Api.integration(),
                                    "{\"eventId\": \"race-%s-%d\", \"customerId\": \"%s\", \"type\": \"%s\"}"
                                            .formatted(unique(), n, marco, type))
                            : record(purchase("MI-001", "R-" + unique() + "-" + n, marco, TEN_LASAGNE, 6000)));
            assertThat(replies.subList(0, events))
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(202));
            assertThat(replies.subList(events, events + tills))
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            // reacted to well within the lock wait timeout: nothing waited on its own transaction
            while (Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "' AND type = '"
                            + type + "' AND react_due_at IS NOT NULL")
                    > 0) {
                assertThat((System.nanoTime() - started) / 1_000_000_000L)
                        .as("seconds until every event was reacted to")
                        .isLessThan(40);
                Thread.sleep(100);
            }
            assertThat(Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + marco
                            + "' AND reference = 'rule:" + ruleId + "'"))
                    .isEqualTo(3L * events);
            assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(tills);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                    .isEqualTo(Api.count("SELECT SUM(points) FROM wallet_entry WHERE customer_id = '" + marco + "'"))
                    .isGreaterThanOrEqualTo(3L * events + 60L * tills);
            theBooksBalance();
        } finally {
            API.send("DELETE", "/api/v1/rules/" + ruleId, Api.admin(), null, null);
        }
    }

    @Test
    void fiftyTillsRedeemingOneCouponAtOnceRedeemItOnce() throws Exception {
        String templateId = template(WELCOME.replace("\"perCustomerLimit\": 1", "\"perCustomerLimit\": 100"));
        String code = bearerCodes(templateId, 1).get(0);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(enrolled(null, uniquePhone()).getString("customerId"));
        }
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");

        List<Api.Reply> replies = race(
                50,
                n -> record(
                        purchase("MI-001", "R-" + unique() + "-" + n, customers.get(n % 5), TEN_LASAGNE, 5500, code)));

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 201)).hasSize(49).allSatisfy(r -> assertThat(
                        r.isProblem("coupon-already-redeemed"))
                .as(r.toString())
                .isTrue());
        assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases + 1);
        assertThat(Api.count(
                        "SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId + "' AND status = 'REDEEMED'"))
                .isEqualTo(1);
        theBooksBalance();
    }

    @Test
    void fiftyTillsRedeemingCouponsOfATemplateCappedAtThreeRedeemThree() throws Exception {
        String templateId = template(
                """
                {"name": "First three", "discount": {"type": "PERCENT_OFF", "value": 10},
                 "channels": ["STORE"], "validDays": 30, "maxRedemptions": 3}""");
        List<String> codes = bearerCodes(templateId, 50);
        String marco = enrolled(null, uniquePhone()).getString("customerId");

        List<Api.Reply> replies = race(
                50, n -> record(purchase("MI-001", "R-" + unique() + "-" + n, marco, TEN_LASAGNE, 5400, codes.get(n))));

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(3);
        assertThat(replies.stream().filter(r -> r.status() != 201))
                .allSatisfy(r -> assertThat(r.isProblem("coupon-redemption-cap-reached"))
                        .as(r.toString())
                        .isTrue());
        assertThat(Api.count(
                        "SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId + "' AND status = 'REDEEMED'"))
                .isEqualTo(3);
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                .isEqualTo(3 * 54);
        theBooksBalance();
    }

    @Test
    void aRefundByLinesThenAVoidTakeThePointsBackAndGiveTheCouponBack() {
        String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        String code = personalCoupon(template(WELCOME), elena);
        String lines = TEN_LASAGNE + ","
                + """
                {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 2, "unitPrice": 500}""";
        JsonObject receipt = record(purchase("MI-001", "R-" + unique(), elena, lines, 6500, code))
                .json();
        String id = receipt.getString("purchaseId");
        assertThat(receipt.getJsonNumber("pointsAwarded").longValue()).isEqualTo(65);

        Api.Reply refund = API.post(
                "/api/v1/purchases/" + id + "/reversal",
                Api.terminal("MI-001"),
                "{\"lines\": [{\"lineNumber\": 2, \"quantity\": 1}], \"reason\": \"refund\"}");
        Api.Reply tooMuch = API.post(
                "/api/v1/purchases/" + id + "/reversal",
                Api.terminal("MI-001"),
                "{\"lines\": [{\"lineNumber\": 2, \"quantity\": 2}]}");
        Api.Reply elsewhere = API.post("/api/v1/purchases/" + id + "/reversal", Api.terminal("RM-009"), "{}");
        Api.Reply voided = API.post("/api/v1/purchases/" + id + "/reversal", Api.terminal("MI-001"), "{}");
        Api.Reply again = API.post("/api/v1/purchases/" + id + "/reversal", Api.admin(), "{}");

        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        // one shampoo: half of 10.00 less its part (0.71, largest remainder) of the 5.00 coupon
        assertThat(refund.json().getJsonNumber("amount").longValue()).isEqualTo(464);
        assertThat(refund.json().getJsonNumber("pointsReversed").longValue()).isEqualTo(4);
        assertThat(refund.json().getJsonArray("couponsRestored")).isEmpty();
        assertThat(tooMuch.isProblem("reversal-exceeds-purchase"))
                .as(tooMuch.toString())
                .isTrue();
        // another store's purchase is not found there: its existence is not told (issue 17)
        assertThat(elsewhere.isProblem("purchase-not-found"))
                .as(elsewhere.toString())
                .isTrue();
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.json().getJsonNumber("pointsReversed").longValue()).isEqualTo(61);
        assertThat(voided.json().getJsonArray("couponsRestored").getString(0)).isEqualTo(code);
        assertThat(voided.json().getJsonNumber("walletBalance").longValue()).isZero();
        assertThat(again.json().getJsonNumber("pointsReversed").longValue()).isZero();
        assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("status"))
                .isEqualTo("ISSUED");
        assertThat(Api.count(
                        "SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "' AND type = 'REVERSE'"))
                .isEqualTo(2);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase_reversal WHERE purchase_id = '" + id + "'"))
                .isEqualTo(2);
        theBooksBalance();
    }

    /**
     * A hot customer while the reactions judge their purchases by a rule with a segment condition
     * (issue 16): 50 tills buying on one wallet at once, half of them redeeming a coupon,
     * as the reaction workers settle the customer's metrics for the segment while holding the
     * wallet. A reaction that settled them in a transaction of its own needed a second pooled
     * connection while the tills' purchases, queued on that wallet, held the pool's 32 (a cycle
     * only the lock wait timeout broke): here every purchase is answered 201 and recorded once,
     * and every one of its events fires the rule, its metrics seen up to date.
     */
    @Test
    void fiftyTillsOnOneCustomerWhileTheReactionsJudgeASegmentConditionEachPurchaseOnceNoTimeout() throws Exception {
        String city = "Hot-" + unique();
        String marco = CampaignScenarios.customers(city, 1).get(0);
        // a first purchase, its metrics recomputed: the customer is in the segment from then on
        assertThat(record(purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000))
                        .status())
                .isEqualTo(201);
        long until = System.nanoTime() + 60_000_000_000L;
        while (Api.count("SELECT COALESCE(MAX(lifetime_value), 0) FROM customer_metrics WHERE customer_id = '" + marco
                                + "'")
                        == 0
                || Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco
                                + "' AND react_due_at IS NOT NULL")
                        > 0) {
            assertThat(System.nanoTime())
                    .as("the first purchase settled within 60 s")
                    .isLessThan(until);
            Thread.sleep(100);
        }
        Api.Reply segment = API.post(
                "/api/v1/segments",
                Api.admin(),
                ("{\"name\": \"Hot %s\", \"condition\": {\"all\": [{\"attribute\": \"city\", \"eq\": \"%s\"},"
                                + " {\"metric\": \"lifetimeValue\", \"op\": \"gte\", \"value\": 1}]}}")
                        .formatted(city, city));
        assertThat(segment.status()).as(segment.toString()).isEqualTo(201);
        Api.Reply created = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Hot %s", "on": "PURCHASE_RECORDED", "conditions": {"segments": ["%s"]},
                 "actions": [{"type": "AWARD_POINTS", "points": 1}]}"""
                        .formatted(city, segment.json().getString("segmentId")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String rule = created.json().getString("ruleId");
        try {
            String templateId = template(
                    """
                    {"name": "Hot %s", "discount": {"type": "AMOUNT_OFF", "value": 100},
                     "channels": ["STORE"], "validDays": 30}"""
                            .formatted(city));
            List<String> codes = bearerCodes(templateId, 50);
            long before = Api.count("SELECT COUNT(*) FROM purchase WHERE customer_id = '" + marco + "'");

            List<Api.Reply> tills = race(
                    50,
                    n -> n % 2 == 0
                            ? record(purchase("MI-001", "H-" + city + "-" + n, marco, TEN_LASAGNE, 5900, codes.get(n)))
                            : record(purchase("MI-001", "H-" + city + "-" + n, marco, TEN_LASAGNE, 6000)));

            assertThat(tills).hasSize(50).allSatisfy(reply -> assertThat(reply.status())
                    .as(reply.toString())
                    .isEqualTo(201));
            assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE customer_id = '" + marco + "'"))
                    .as("each purchase recorded once")
                    .isEqualTo(before + 50);
            assertThat(Api.count("SELECT COUNT(DISTINCT receipt_id) FROM purchase WHERE customer_id = '" + marco
                            + "' AND receipt_id LIKE 'H-%'"))
                    .isEqualTo(50);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId
                            + "' AND status = 'REDEEMED'"))
                    .isEqualTo(25);
            long reacted = System.nanoTime() + 120_000_000_000L;
            while (Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco
                            + "' AND react_due_at IS NOT NULL")
                    > 0) {
                assertThat(System.nanoTime()).as("reacted to within 120 s").isLessThan(reacted);
                Thread.sleep(200);
            }
            String failed = "FROM customer_event WHERE customer_id = '" + marco
                    + "' AND (react_attempts > 0 OR react_error IS NOT NULL)";
            assertThat(Api.count("SELECT COUNT(*) " + failed))
                    .as(() -> "no reaction failed (a lock wait timeout would be recorded on its event); the first: "
                            + Api.one(
                                    "SELECT COALESCE(MAX(CONCAT(type, ' ', react_attempts, ' ', COALESCE(react_error, ''))),"
                                            + " 'none') " + failed))
                    .isZero();
            assertThat(Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + rule
                            + "' AND customer_id = '" + marco + "' AND outcome = 'FIRED'"))
                    .as("every purchase's event in the segment, its metrics settled under the wallet")
                    .isEqualTo(50);
            assertThat(Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + marco
                            + "' AND reference = 'rule:" + rule + "'"))
                    .isEqualTo(50);
            theBooksBalance();
        } finally {
            API.send("DELETE", "/api/v1/rules/" + rule, Api.admin(), null, null);
        }
    }
}
