package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.race;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.theBooksBalance;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rewards claimed with points: concurrent claims, retries; run by {@code ServiceIT.Rewards} on the
 * shared deployment.
 */
abstract class RewardScenarios {

    @Test
    void fiftyClaimsOnABalanceThatAffordsThreeGiveThreeCoupons() throws Exception {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        Api.Reply credited = API.post(
                "/api/v1/customers/" + marco + "/wallet/adjustments",
                Api.admin(),
                "{\"points\": 350, \"reason\": \"goodwill\"}");
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        String templateId = template(WELCOME);
        Api.Reply defined = API.post(
                "/api/v1/rewards",
                Api.admin(),
                "{\"name\": \"5 EUR off\", \"pointsCost\": 100, \"templateId\": \"" + templateId + "\"}");
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String reward = defined.json().getString("rewardId");

        List<Api.Reply> claims =
                race(50, n -> API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), ""));

        assertThat(claims.stream().filter(r -> r.status() == 201)).hasSize(3);
        assertThat(claims.stream().filter(r -> r.status() != 201)).hasSize(47).allSatisfy(r -> assertThat(
                        r.isProblem("insufficient-points"))
                .as(r.toString())
                .isTrue());
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE customer_id = '" + marco + "'"))
                .isEqualTo(3);
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                .isEqualTo(50);
        assertThat(API.get("/api/v1/rewards", Api.customer(marco)).body()).contains(reward);
        theBooksBalance();
    }

    @Test
    void aRetriedClaimPaysOnceAndOnlyCustomersClaimKnownRewards() {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        API.post(
                "/api/v1/customers/" + marco + "/wallet/adjustments",
                Api.admin(),
                "{\"points\": 250, \"reason\": \"goodwill\"}");
        String templateId = template(WELCOME);
        String reward = API.post(
                        "/api/v1/rewards",
                        Api.admin(),
                        "{\"name\": \"5 EUR off\", \"pointsCost\": 100, \"templateId\": \"" + templateId + "\"}")
                .json()
                .getString("rewardId");
        String key = UUID.randomUUID().toString();

        Api.Reply first = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), "", key);
        Api.Reply retry = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(marco), "", key);
        Api.Reply byATill = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.terminal("MI-001"), "");
        Api.Reply unknown = API.post("/api/v1/me/rewards/" + UUID.randomUUID() + "/claim", Api.customer(marco), "");
        Api.Reply badTemplate = API.post(
                "/api/v1/rewards",
                Api.admin(),
                "{\"name\": \"x\", \"pointsCost\": 0, \"templateId\": \"" + templateId + "\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getJsonNumber("walletBalance").longValue()).isEqualTo(150);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(byATill.status()).isEqualTo(403);
        assertThat(unknown.isProblem("reward-not-found")).as(unknown.toString()).isTrue();
        assertThat(badTemplate.isProblem("validation-failed"))
                .as(badTemplate.toString())
                .isTrue();
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + marco + "'"))
                .isEqualTo(150);
    }
}
