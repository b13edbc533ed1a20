package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two service instances (two Payara Micro processes on their own ports) on one MariaDB, as a
 * retailer scales out: a coupon raced through both is redeemed once, so nothing cached in one
 * instance hides the other's redemption; their message relays (several workers and sends in flight
 * on each) send every SMS to a local Twilio-shaped server exactly once.
 */
class TwoInstancesIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    @Test
    void fiftyTillsOnTwoInstancesRedeemOneCouponOnceAndTheirRelaysSendEachMessageOnce() throws Exception {
        Map<String, String> sharedDatabase = ServiceProcess.sharedDatabaseEnv();
        int twilioPort = ServiceProcess.freePort();
        sharedDatabase.putAll(Map.of(
                "LOYALTY_SMS_PROVIDER", "twilio",
                "LOYALTY_SMS_TWILIO_BASE_URL", "http://127.0.0.1:" + twilioPort,
                "LOYALTY_SMS_TWILIO_ACCOUNT_SID", MessagingIT.SID,
                "LOYALTY_SMS_TWILIO_AUTH_TOKEN", MessagingIT.TOKEN,
                "LOYALTY_SMS_FROM", "+15005550006",
                "LOYALTY_MESSAGING_LINK_SECRET", "two-instances-it-link-secret",
                // small batches, several relays and sends in flight on each instance: they race for the same rows
                "LOYALTY_MESSAGING_RELAY_WORKERS", "4",
                "LOYALTY_MESSAGING_RELAY_BATCH", "3",
                "LOYALTY_MESSAGING_RELAY_SENDS", "6",
                "LOYALTY_MESSAGING_RELAY_POLL_MS", "50"));
        Path work = JAR.getParent().resolve("two-instances-it");
        try (FakeTwilio twilio = new FakeTwilio(twilioPort, MessagingIT.SID, MessagingIT.TOKEN).start();
                ServiceProcess a = ServiceProcess.start(
                        JAR, ServiceProcess.freePort(), work.resolve("a"), work.resolve("a.log"), sharedDatabase);
                ServiceProcess b = ServiceProcess.start(
                        JAR, ServiceProcess.freePort(), work.resolve("b"), work.resolve("b.log"), sharedDatabase)) {
            a.awaitReady();
            b.awaitReady();
            String templateId = a.api()
                    .post(
                            "/api/v1/coupon-templates",
                            Api.admin(),
                            """
                            {"name": "Flyer", "discount": {"type": "AMOUNT_OFF", "value": 500},
                             "channels": ["STORE"], "validDays": 30}""")
                    .json()
                    .getString("templateId");
            String code = b.api()
                    .post("/api/v1/coupon-templates/" + templateId + "/issue", Api.admin(), "{\"count\": 1}")
                    .json()
                    .getJsonArray("codes")
                    .getValuesAs(JsonString.class)
                    .get(0)
                    .getString();
            String customer = a.api()
                    .post(
                            "/api/v1/customers",
                            Api.terminal("MI-001"),
                            """
                            {"firstName": "Bruno", "email": "bruno.%s@example.com", "preferredChannel": "EMAIL",
                             "consents": {"marketingEmail": false}, "enrolmentChannel": "STORE"}"""
                                    .formatted(UUID.randomUUID()))
                    .json()
                    .getString("customerId");
            // both instances have read the coupon once, so a cache would now hold it as ISSUED
            assertThat(a.api().get("/api/v1/customers/" + customer, Api.admin()).status())
                    .isEqualTo(200);

            List<Api.Reply> replies = Fixtures.race(50, n -> (n % 2 == 0 ? a : b)
                    .api()
                    .post(
                            "/api/v1/purchases",
                            Api.terminal("MI-001"),
                            """
                            {"storeId": "MI-001", "receiptId": "TWO-%s", "occurredAt": "%s", "customerId": "%s",
                             "lines": [{"sku": "S", "category": "c", "quantity": 1, "unitPrice": 3000}],
                             "couponCodes": ["%s"], "totalPaid": 2500}"""
                                    .formatted(UUID.randomUUID(), Instant.now(), customer, code)));

            assertThat(replies.stream().filter(r -> r.status() == 201))
                    .as(replies.toString())
                    .hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() != 201))
                    .allSatisfy(r -> assertThat(r.isProblem("coupon-already-redeemed"))
                            .as(r.toString())
                            .isTrue());
            assertThat(Api.count("SELECT COUNT(*) FROM purchase_coupon WHERE code = '" + code + "'"))
                    .isEqualTo(1);
            Fixtures.theBooksBalance();

            // 60 SMS queued through both instances at once; both instances' relays race to send them
            List<String> customers = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                customers.add(MessagingIT.enrol(
                        (i % 2 == 0 ? a : b).api(),
                        "{\"firstName\": \"Nina\", \"phone\": \"" + Fixtures.uniquePhone()
                                + "\", \"preferredChannel\": \"SMS\", \"consents\": {\"marketingSms\": true},"
                                + " \"enrolmentChannel\": \"WEB\"}"));
            }
            List<Api.Reply> queued = Fixtures.race(60, n -> (n % 2 == 0 ? a : b)
                    .api()
                    .post(
                            "/api/v1/customers/" + customers.get(n) + "/messages",
                            Api.admin(),
                            "{\"template\": \"Ciao {firstName}, 5 EUR per te\"}"));
            assertThat(queued)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            List<String> ids =
                    queued.stream().map(r -> r.json().getString("messageId")).toList();
            String inList = "('" + String.join("', '", ids) + "')";
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (Api.count("SELECT COUNT(*) FROM message WHERE status = 'SENT' AND id IN " + inList) < ids.size()) {
                assertThat(System.nanoTime()).as("all 60 sent within 120 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            Thread.sleep(1_000); // a relay sending one again would do it now
            Map<String, Long> requestsPerMessage = twilio.requests.stream()
                    .filter(FakeTwilio.Request::accepted)
                    .collect(java.util.stream.Collectors.groupingBy(
                            FakeTwilio.Request::token, java.util.stream.Collectors.counting()));
            assertThat(requestsPerMessage.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(requestsPerMessage.values())
                    .as("no message sent twice, not even under its idempotency token")
                    .containsOnly(1L);
            a.stop();
            b.stop();
        }
    }
}
