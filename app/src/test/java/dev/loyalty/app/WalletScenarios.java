package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.race;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wallet: console adjustments, the statement, racing adjustments; run by {@code
 * ServiceIT.Wallet} on the shared deployment.
 */
abstract class WalletScenarios {

    Api.Reply adjust(String customerId, long points, String reason) {
        return API.post(
                "/api/v1/customers/" + customerId + "/wallet/adjustments",
                Api.admin(),
                "{\"points\": %d, \"reason\": \"%s\", \"reference\": \"CASE-1\"}".formatted(points, reason));
    }

    @Test
    void aGoodwillCreditShowsInTheStatementAndAtTheTill() {
        JsonObject marco = enrolled(null, uniquePhone());
        String id = marco.getString("customerId");

        Api.Reply credited = adjust(id, 250, "Sorry for the wait");

        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        JsonObject mine = API.get("/api/v1/me/wallet", Api.customer(id)).json();
        assertThat(mine.getJsonNumber("balance").longValue()).isEqualTo(250);
        JsonObject entry = mine.getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("type")).isEqualTo("ADJUST");
        assertThat(entry.getJsonNumber("points").longValue()).isEqualTo(250);
        assertThat(entry.getString("reason")).isEqualTo("Sorry for the wait");
        Api.Reply atTheTill =
                API.get("/api/v1/customers/lookup?card=" + marco.getString("cardNumber"), Api.terminal("TO-002"));
        assertThat(atTheTill.json().getJsonNumber("pointsBalance").longValue()).isEqualTo(250);
    }

    @Test
    void aDebitBeyondTheBalanceIsRefusedAndChangesNothing() {
        String id = enrolled(null, uniquePhone()).getString("customerId");
        adjust(id, 100, "welcome");

        Api.Reply refused = adjust(id, -101, "correction");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem("insufficient-points"))
                .as(refused.toString())
                .isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + id + "'"))
                .isEqualTo(1);
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + id + "'"))
                .isEqualTo(100);
    }

    @Test
    void onlyTheConsoleAdjustsAndPagesAreBounded() {
        String id = enrolled(null, uniquePhone()).getString("customerId");

        Api.Reply byATill = API.post(
                "/api/v1/customers/" + id + "/wallet/adjustments",
                Api.terminal("MI-001"),
                "{\"points\": 10, \"reason\": \"gift\"}");
        Api.Reply tooBig = API.get("/api/v1/me/wallet?size=101", Api.customer(id));

        assertThat(byATill.status()).isEqualTo(403);
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("size");
    }

    @Test
    void racingAdjustmentsNeverLoseAPoint() throws Exception {
        String id = enrolled(null, uniquePhone()).getString("customerId");

        List<Integer> results = race(10, n -> adjust(id, 10, "race").status());

        long credited = results.stream().filter(s -> s == 201).count();
        assertThat(credited).isPositive();
        assertThat(results).allMatch(s -> s == 201 || s == 409);
        long cached = Api.count("SELECT balance FROM wallet WHERE customer_id = '" + id + "'");
        long ledger = Api.count("SELECT SUM(points) FROM wallet_entry WHERE customer_id = '" + id + "'");
        assertThat(cached).isEqualTo(ledger).isEqualTo(10 * credited);
    }
}
