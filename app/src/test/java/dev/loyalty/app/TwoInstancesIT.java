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
 * instance hides the other's redemption.
 */
class TwoInstancesIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    @Test
    void fiftyTillsOnTwoInstancesRedeemOneCouponOnce() throws Exception {
        Map<String, String> sharedDatabase = ServiceProcess.sharedDatabaseEnv();
        Path work = JAR.getParent().resolve("two-instances-it");
        try (ServiceProcess a = ServiceProcess.start(
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
            a.stop();
            b.stop();
        }
    }
}
