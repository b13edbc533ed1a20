package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an attacker holding a token would try (issue 17): the app posting what earns rewards,
 * squatting an integration's event ids, guessing card numbers and coupon codes; run by {@code
 * ServiceIT.Abuse} on the shared deployment. The limits are the defaults (README); each test uses
 * tokens and stores of its own, so it counts alone.
 */
abstract class AbuseScenarios {

    /** App-postable in the test deployment besides the defaults (arquillian.xml). */
    static final String APP_SIGNAL = "ABUSE_APP_SIGNAL";

    static final String BASKET =
            "{\"sku\": \"SKU-1\", \"category\": \"grocery\", \"quantity\": 1, \"unitPrice\": 1000}";

    @Test
    void theAppsEventsEarnNothingFromARuleThatDoesNotAcceptThemAnIntegrationsDo() throws Exception {
        String marco = enrolled("app." + unique() + "@example.com", null).getString("customerId");
        Api.Reply created = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Signal bonus %s", "on": "%s", "actions": [{"type": "AWARD_POINTS", "points": 7}]}"""
                        .formatted(unique(), APP_SIGNAL));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonArray("sources").toString()).isEqualTo("[\"INTEGRATION\",\"SERVICE\"]");
        String rule = created.json().getString("ruleId");
        try {
            String appId = "sig-" + unique();
            Api.Reply fromTheApp = API.post(
                    "/api/v1/events",
                    Api.customer(marco),
                    "{\"eventId\": \"%s\", \"type\": \"%s\"}".formatted(appId, APP_SIGNAL));
            assertThat(fromTheApp.status()).as(fromTheApp.toString()).isEqualTo(202);
            awaitReacted(appId);
            assertThat(points(marco, rule)).as("the app's word earns nothing").isZero();

            Api.Reply fromTheWebsite = API.post(
                    "/api/v1/events",
                    Api.integration(),
                    "{\"eventId\": \"%s\", \"customerId\": \"%s\", \"type\": \"%s\"}"
                            .formatted(appId, marco, APP_SIGNAL));
            assertThat(fromTheWebsite.status())
                    .as("the app's id is not the website's: " + fromTheWebsite)
                    .isEqualTo(202);
            awaitReacted(appId);
            assertThat(points(marco, rule)).isEqualTo(7);
        } finally {
            API.send("DELETE", "/api/v1/rules/" + rule, Api.admin(), null, null);
        }
    }

    @Test
    void anEventIdIsItsSendersAndCaseSensitive() {
        String marco = enrolled("ids." + unique() + "@example.com", null).getString("customerId");
        String id = "ORDER-" + unique().toUpperCase(java.util.Locale.ROOT);
        String integration = "{\"eventId\": \"%s\", \"customerId\": \"%s\", \"type\": \"NEWSLETTER_SUBSCRIBED\"}";

        Api.Reply squatted = API.post(
                "/api/v1/events",
                Api.customer(marco),
                "{\"eventId\": \"%s\", \"type\": \"APP_INSTALLED\"}".formatted(id));
        Api.Reply website = API.post("/api/v1/events", Api.integration(), integration.formatted(id, marco));
        Api.Reply lowerCase = API.post(
                "/api/v1/events",
                Api.integration(),
                integration.formatted(id.toLowerCase(java.util.Locale.ROOT), marco));
        Api.Reply retry = API.post("/api/v1/events", Api.integration(), integration.formatted(id, marco));

        assertThat(List.of(squatted.status(), website.status(), lowerCase.status()))
                .as(squatted + " / " + website + " / " + lowerCase)
                .containsOnly(202);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getString("status")).isEqualTo("DUPLICATE");
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco
                        + "' AND event_id IN ('" + id + "', '" + id.toLowerCase(java.util.Locale.ROOT) + "')"))
                .isEqualTo(3);
    }

    @Test
    void theAppPostsItsLimitOfEventsPerCustomerThen429WithRetryAfter() {
        String marco = enrolled("flood." + unique() + "@example.com", null).getString("customerId");
        long before = Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'");
        List<Integer> statuses = new ArrayList<>();
        Api.Reply last = null;
        for (int i = 0; i < 11; i++) {
            last = API.post(
                    "/api/v1/events",
                    Api.customer(marco),
                    "{\"eventId\": \"flood-%s\", \"type\": \"APP_OPENED\"}".formatted(unique()));
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(last.isProblem("rate-limited")).as(last.toString()).isTrue();
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.retryAfter())).isBetween(1L, 60L);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + marco + "'"))
                .as("the refused one is not stored")
                .isEqualTo(before + 10);
        Api.Reply website = API.post(
                "/api/v1/events",
                Api.integration(),
                "{\"eventId\": \"w-%s\", \"customerId\": \"%s\", \"type\": \"APP_OPENED\"}".formatted(unique(), marco));
        assertThat(website.status()).as("integrations are not the app's limit").isEqualTo(202);
    }

    @Test
    void lookupsAreLimitedPerTerminalAndPerStore() {
        String store = "LK-" + unique();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            first.add(lookup(Api.token("terminal", "till-a-" + store, store)).status());
        }
        Api.Reply over = lookup(Api.token("terminal", "till-a-" + store, store));
        for (int t = 0; t < 9; t++) {
            String till = Api.token("terminal", "till-" + t + "-" + store, store);
            for (int i = 0; i < 30; i++) {
                assertThat(lookup(till).status()).isEqualTo(404);
            }
        }
        Api.Reply storeOver = lookup(Api.token("terminal", "till-z-" + store, store));
        Api.Reply elsewhere = lookup(Api.token("terminal", "till-a-" + store, "LK-" + unique()));

        assertThat(first).as("an unknown card: 404, counted all the same").containsOnly(404);
        assertThat(over.isProblem("rate-limited")).as(over.toString()).isTrue();
        assertThat(over.status()).isEqualTo(429);
        assertThat(Long.parseLong(over.retryAfter())).isBetween(1L, 60L);
        assertThat(storeOver.isProblem("rate-limited"))
                .as("the store's 300 per minute: " + storeOver)
                .isTrue();
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(lookup(Api.admin()).status())
                .as("the console is not limited")
                .isEqualTo(404);
    }

    @Test
    void invalidCouponCodesLockTheTerminalOutOfCoupons() {
        String store = "CP-" + unique();
        String till = Api.token("terminal", "till-" + store, store);
        String marco = enrolled("guess." + unique() + "@example.com", null).getString("customerId");
        String guesses = "\"ZZZZ-ZZZZ-Z\", \"YYYY-YYYY-Y\", \"XXXX-XXXX-X\", \"WWWW-WWWW-W\", \"VVVV-VVVV-V\"";

        Api.Reply guessed = quote(till, store, marco, guesses);
        Api.Reply again = quote(till, store, marco, "\"TTTT-TTTT-T\"");
        Api.Reply withoutCoupons = quote(till, store, marco, "");
        Api.Reply purchase = API.post(
                "/api/v1/purchases",
                till,
                Fixtures.purchase(store, "R-" + unique(), marco, TEN_LASAGNE, 6000, "TTTT-TTTT-T"));
        Api.Reply otherTill = quote(Api.token("terminal", "till-2-" + store, store), store, marco, "\"TTTT-TTTT-T\"");

        assertThat(guessed.status()).as(guessed.toString()).isEqualTo(200);
        assertThat(guessed.json().getJsonArray("coupons")).hasSize(5);
        assertThat(again.isProblem("coupon-lockout")).as(again.toString()).isTrue();
        assertThat(again.status()).isEqualTo(429);
        assertThat(Long.parseLong(again.retryAfter())).isBetween(800L, 900L);
        assertThat(withoutCoupons.status())
                .as("a basket without coupons still prices")
                .isEqualTo(200);
        assertThat(purchase.isProblem("coupon-lockout")).as(purchase.toString()).isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE store_id = '" + store + "'"))
                .isZero();
        assertThat(otherTill.status()).as("another terminal is not locked out").isEqualTo(200);
    }

    @Test
    void quotesAreLimitedPerTerminal() {
        String store = "QT-" + unique();
        String till = Api.token("terminal", "till-" + store, store);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(quote(till, store, null, "").status());
        }
        Api.Reply over = quote(till, store, null, "");

        assertThat(statuses).containsOnly(200);
        assertThat(over.isProblem("rate-limited")).as(over.toString()).isTrue();
        assertThat(over.retryAfter()).isNotNull();
    }

    private static Api.Reply lookup(String token) {
        return API.get("/api/v1/customers/lookup?email=nobody." + unique() + "@example.com", token);
    }

    private static Api.Reply quote(String till, String store, String customer, String codes) {
        return API.post(
                "/api/v1/checkouts/quote",
                till,
                """
                {"storeId": "%s", %s "lines": [%s], "couponCodes": [%s]}"""
                        .formatted(
                                store, customer == null ? "" : "\"customerId\": \"" + customer + "\",", BASKET, codes));
    }

    /** The points the rule awarded the customer. */
    private static long points(String customer, String rule) {
        return Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + customer
                + "' AND reference = 'rule:" + rule + "'");
    }

    private static void awaitReacted(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Api.count("SELECT COUNT(*) FROM customer_event WHERE event_id = '" + eventId
                        + "' AND react_due_at IS NOT NULL")
                > 0) {
            assertThat(System.nanoTime()).as("reacted to within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
