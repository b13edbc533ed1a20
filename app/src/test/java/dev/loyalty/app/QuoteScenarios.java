package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Checkout quotes: what a basket would cost with a coupon, without changing anything; run by
 * {@code ServiceIT.Quotes} on the shared deployment.
 */
abstract class QuoteScenarios {

    String elena;
    String code;

    String quote(String storeId, String channel, String lines, String couponCode) {
        return """
                {"storeId": "%s", "customerId": "%s", "channel": "%s", "lines": [%s], "couponCodes": ["%s"]}"""
                .formatted(storeId, elena, channel, lines, couponCode);
    }

    JsonObject quoted(String body) {
        Api.Reply reply = API.post("/api/v1/checkouts/quote", Api.terminal("MI-001"), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @org.junit.jupiter.api.BeforeEach
    void elenaHoldsAWelcomeCoupon() {
        elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        Api.Reply template = API.post("/api/v1/coupon-templates", Api.admin(), WELCOME);
        Api.Reply issued = API.post(
                "/api/v1/coupon-templates/" + template.json().getString("templateId") + "/issue",
                Api.admin(),
                "{\"customerId\": \"" + elena + "\"}");
        code = issued.json().getString("code");
    }

    @Test
    void belowTheMinimumTheCouponIsRejectedWithTheReason() {
        JsonObject quote = quoted(quote(
                "MI-001",
                "STORE",
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 2, "unitPrice": 599},
                {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}""",
                code));

        JsonObject coupon = quote.getJsonArray("coupons").getJsonObject(0);
        assertThat(coupon.getString("status")).isEqualTo("REJECTED");
        assertThat(coupon.getString("code")).isEqualTo("coupon-min-spend-not-met");
        assertThat(coupon.getString("detail")).contains("16.48 EUR").contains("20.00 EUR");
        assertThat(quote.getJsonObject("totals").getJsonNumber("net").longValue())
                .isEqualTo(1648);
        assertThat(quote.getJsonNumber("pointsToEarn").longValue()).isEqualTo(16);
    }

    @Test
    void aboveItTheDiscountApplesAndPointsAreEarnedOnTheNet() {
        JsonObject quote = quoted(quote(
                "MI-001",
                "STORE",
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""",
                code.substring(0, 4) + "-" + code.substring(4, 8) + "-"
                        + code.substring(8).toLowerCase()));

        JsonObject coupon = quote.getJsonArray("coupons").getJsonObject(0);
        assertThat(coupon.getString("status")).as(quote.toString()).isEqualTo("APPLICABLE");
        assertThat(coupon.getJsonNumber("discount").longValue()).isEqualTo(500);
        JsonObject totals = quote.getJsonObject("totals");
        assertThat(totals.getJsonNumber("gross").longValue()).isEqualTo(6000);
        assertThat(totals.getJsonNumber("net").longValue()).isEqualTo(5500);
        assertThat(quote.getJsonNumber("pointsToEarn").longValue()).isEqualTo(55);
    }

    @Test
    void aStoreCouponIsRejectedOnlineAndATypoIsCaught() {
        String lines =
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";

        JsonObject online = quoted(quote("MI-001", "ONLINE", lines, code));
        String typo = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        JsonObject mistyped = quoted(quote("MI-001", "STORE", lines, typo));

        assertThat(online.getJsonArray("coupons").getJsonObject(0).getString("code"))
                .isEqualTo("coupon-not-valid-in-channel");
        assertThat(mistyped.getJsonArray("coupons").getJsonObject(0).getString("code"))
                .isEqualTo("coupon-code-invalid");
    }

    @Test
    void aQuoteChangesNothingAndATillQuotesOnlyForItsStore() {
        String lines =
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";
        quoted(quote("MI-001", "STORE", lines, code));

        Api.Reply otherStore =
                API.post("/api/v1/checkouts/quote", Api.terminal("MI-001"), quote("RM-009", "STORE", lines, code));

        assertThat(otherStore.status()).isEqualTo(403);
        assertThat(API.get("/api/v1/me/coupons", Api.customer(elena))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("status"))
                .isEqualTo("ISSUED");
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + elena + "'"))
                .isZero();
    }

    /** Issue 18: a coupon one till holds for offline use is reported, not priced, at another store's till. */
    @Test
    void aCouponReservedByAnotherStoresTillIsReportedAsReserved() {
        String lines =
                """
                {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";
        Api.Reply held = API.post("/api/v1/coupons/" + code + "/reservations", Api.terminal("MI-001"), "{}");

        Api.Reply elsewhere =
                API.post("/api/v1/checkouts/quote", Api.terminal("RM-009"), quote("RM-009", "STORE", lines, code));
        JsonObject atTheHoldingStore = quoted(quote("MI-001", "STORE", lines, code));

        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        JsonObject coupon = elsewhere.json().getJsonArray("coupons").getJsonObject(0);
        assertThat(coupon.getString("status")).isEqualTo("REJECTED");
        assertThat(coupon.getString("code")).isEqualTo("coupon-reserved");
        assertThat(elsewhere.json().getJsonObject("totals").getJsonNumber("net").longValue())
                .as("priced without the reserved coupon")
                .isEqualTo(6000);
        assertThat(atTheHoldingStore.getJsonArray("coupons").getJsonObject(0).getString("status"))
                .isEqualTo("APPLICABLE");
    }
}
