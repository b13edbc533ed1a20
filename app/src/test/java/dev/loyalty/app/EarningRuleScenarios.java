package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Versions of the earning rules, applied by the next purchase; run by {@code
 * ServiceIT.EarningRules} on the shared deployment.
 */
abstract class EarningRuleScenarios {

    @Test
    void theConsoleAddsAVersionAndTheNextPurchaseEarnsByIt() {
        Api.Reply added = API.post(
                "/api/v1/earning-rules",
                Api.admin(),
                """
                {"pointsPerCurrencyUnit": 1, "categoryMultipliers": {"it-fresh-food": 300},
                 "excludedCategories": ["it-tobacco"], "rounding": "FLOOR", "effectiveFrom": "%s"}"""
                        // the purchase below occurs 5 s ago by the till's clock: the version must be in force
                        .formatted(java.time.Instant.now().minusSeconds(30)));
        Api.Reply past = API.post(
                "/api/v1/earning-rules",
                Api.admin(),
                "{\"pointsPerCurrencyUnit\": 5, \"effectiveFrom\": \"2020-01-01T00:00:00Z\"}");
        Api.Reply byATill = API.post("/api/v1/earning-rules", Api.terminal("MI-001"), "{\"pointsPerCurrencyUnit\": 5}");
        Api.Reply badRounding =
                API.post("/api/v1/earning-rules", Api.admin(), "{\"pointsPerCurrencyUnit\": 1, \"rounding\": \"UP\"}");
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        Api.Reply paid = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                purchase(
                        "MI-001",
                        "R-" + unique(),
                        marco,
                        """
                        {"sku": "APPLES", "category": "it-fresh-food", "quantity": 1, "unitPrice": 1000},
                        {"sku": "CIGARS", "category": "it-tobacco", "quantity": 1, "unitPrice": 900},
                        {"sku": "BREAD", "category": "bakery", "quantity": 1, "unitPrice": 250}""",
                        2150));
        JsonObject history = API.get("/api/v1/earning-rules", Api.admin()).json();

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(past.isProblem("validation-failed")).as(past.toString()).isTrue();
        assertThat(past.body()).contains("effectiveFrom");
        assertThat(byATill.status()).isEqualTo(403);
        assertThat(badRounding.isProblem("validation-failed"))
                .as(badRounding.toString())
                .isTrue();
        assertThat(paid.json().getJsonNumber("pointsAwarded").longValue())
                .as("30 for the apples at triple points, none for tobacco, 2 for the bread")
                .isEqualTo(32);
        assertThat(history.getJsonObject("current")
                        .getJsonObject("categoryMultipliers")
                        .getInt("it-fresh-food"))
                .isEqualTo(300);
        assertThat(history.getJsonArray("versions").size()).isGreaterThanOrEqualTo(2);
    }
}
