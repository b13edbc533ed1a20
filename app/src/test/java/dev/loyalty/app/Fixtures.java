package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The test data and helpers the service's integration tests share: unique contacts, enrolments,
 * coupon templates and coupons, purchase bodies, concurrent requests, and the books' balance.
 * Everything it makes is new, so that no test depends on another's data.
 */
final class Fixtures {

    static final Api API = Api.service();

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniquePhone() {
        return "+3934" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    static String enrolment(String email, String phone, String storeId) {
        return """
                {"firstName": "Marco", "lastName": "Rossi", "email": %s, "phone": %s,
                 "preferredChannel": "%s",
                 "consents": {"marketingEmail": false, "marketingSms": true, "marketingPush": false, "profiling": true},
                 "enrolmentChannel": "STORE", "storeId": "%s"}"""
                .formatted(
                        email == null ? "null" : '"' + email + '"',
                        phone == null ? "null" : '"' + phone + '"',
                        phone == null ? "EMAIL" : "SMS",
                        storeId);
    }

    static JsonObject enrolled(String email, String phone) {
        Api.Reply reply = API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(email, phone, "MI-001"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** Sum of entries = cached balance for every wallet; capped templates' counters = redeemed coupons. */
    static void theBooksBalance() {
        assertThat(
                        Api.count(
                                "SELECT COUNT(*) FROM wallet w WHERE w.balance < 0 OR w.balance <>"
                                        + " (SELECT COALESCE(SUM(e.points), 0) FROM wallet_entry e WHERE e.customer_id = w.customer_id)"))
                .as("wallets whose cached balance is not the sum of their ledger")
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM coupon_template t WHERE t.max_redemptions IS NOT NULL"
                        + " AND t.redemptions <>"
                        + " (SELECT COUNT(*) FROM coupon c WHERE c.template_id = t.id AND c.status = 'REDEEMED')"))
                .as("capped templates whose redemption counter is not the number of redeemed coupons")
                .isZero();
    }

    static <T> List<T> race(int threads, java.util.function.IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static final String WELCOME =
            """
            {"name": "Newsletter welcome", "discount": {"type": "AMOUNT_OFF", "value": 500},
             "minSpend": 2000, "channels": ["STORE"], "validDays": 30, "perCustomerLimit": 1}""";

    static final String VALID_ENROLMENT =
            """
            {"firstName": "Ada", "preferredChannel": "NONE", "consents": {}, "enrolmentChannel": "WEB"}""";

    static final String TEN_LASAGNE =
            """
            {"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}""";

    static String purchase(String storeId, String receipt, String customer, String lines, long paid, String... codes) {
        return """
                {"storeId": "%s", "receiptId": "%s", "occurredAt": "%s", %s "channel": "STORE",
                 "lines": [%s], "couponCodes": [%s], "totalPaid": %d}"""
                .formatted(
                        storeId,
                        receipt,
                        java.time.Instant.now().minusSeconds(5),
                        customer == null ? "" : "\"customerId\": \"" + customer + "\",",
                        lines,
                        String.join(
                                ",",
                                java.util.Arrays.stream(codes)
                                        .map(c -> '"' + c + '"')
                                        .toList()),
                        paid);
    }

    static String template(String body) {
        Api.Reply created = API.post("/api/v1/coupon-templates", Api.admin(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("templateId");
    }

    static String personalCoupon(String templateId, String customer) {
        return API.post(
                        "/api/v1/coupon-templates/" + templateId + "/issue",
                        Api.admin(),
                        "{\"customerId\": \"" + customer + "\"}")
                .json()
                .getString("code");
    }

    static List<String> bearerCodes(String templateId, int count) {
        return API
                .post("/api/v1/coupon-templates/" + templateId + "/issue", Api.admin(), "{\"count\": " + count + "}")
                .json()
                .getJsonArray("codes")
                .getValuesAs(jakarta.json.JsonString.class)
                .stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    static Api.Reply record(String body) {
        return API.post("/api/v1/purchases", Api.terminal("MI-001"), body);
    }

    private Fixtures() {}
}
