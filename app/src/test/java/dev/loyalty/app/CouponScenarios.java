package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Coupon templates and issued coupons (personal and bearer); run by {@code ServiceIT.Coupons} on
 * the shared deployment.
 */
abstract class CouponScenarios {

    String template(String body) {
        Api.Reply created = API.post("/api/v1/coupon-templates", Api.admin(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("templateId");
    }

    Api.Reply issue(String templateId, String body) {
        return API.post("/api/v1/coupon-templates/" + templateId + "/issue", Api.admin(), body);
    }

    @Test
    void elenaGetsAPersonalStoreCouponAndSeesItInTheApp() {
        String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        String templateId = template(WELCOME);

        Api.Reply issued = issue(templateId, "{\"customerId\": \"" + elena + "\"}");

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String code = issued.json().getString("code");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{9}");
        JsonObject mine = API.get("/api/v1/me/coupons", Api.customer(elena))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(mine.getString("code")).isEqualTo(code);
        assertThat(mine.getString("status")).isEqualTo("ISSUED");
        assertThat(mine.getJsonObject("discount").getJsonNumber("value").longValue())
                .isEqualTo(500);
        assertThat(mine.getJsonNumber("minSpend").longValue()).isEqualTo(2000);
        assertThat(mine.getJsonArray("channels").getString(0)).isEqualTo("STORE");
        assertThat(java.time.Instant.parse(mine.getString("validUntil")))
                .isBetween(
                        java.time.Instant.now().plusSeconds(29 * 86_400L),
                        java.time.Instant.now().plusSeconds(31 * 86_400L));
    }

    @Test
    void tenThousandBearerCodesAreIssuedAtOnce() {
        String templateId = template(WELCOME.replace("Newsletter welcome", "Flyer " + unique()));

        long started = System.nanoTime();
        Api.Reply issued = issue(templateId, "{\"count\": 10000}");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().getJsonArray("codes")).hasSize(10_000);
        assertThat(Api.count("SELECT COUNT(DISTINCT code) FROM coupon WHERE template_id = '" + templateId + "'"))
                .isEqualTo(10_000);
        System.out.printf("10,000 bearer coupon codes issued in %d ms%n", millis);
    }

    @Test
    void badTemplatesAndRequestsAreRefusedAndChangeNothing() {
        long templates = Api.count("SELECT COUNT(*) FROM coupon_template");
        String templateId = template(WELCOME);
        long coupons = Api.count("SELECT COUNT(*) FROM coupon");

        Api.Reply percent = API.post(
                "/api/v1/coupon-templates",
                Api.admin(),
                WELCOME.replace("\"AMOUNT_OFF\", \"value\": 500", "\"PERCENT_OFF\", \"value\": 150"));
        Api.Reply channel = API.post("/api/v1/coupon-templates", Api.admin(), WELCOME.replace("STORE", "FAX"));
        Api.Reply both = issue(templateId, "{\"customerId\": \"" + UUID.randomUUID() + "\", \"count\": 2}");
        Api.Reply tooMany = issue(templateId, "{\"count\": 10001}");
        Api.Reply unknown = issue(UUID.randomUUID().toString(), "{\"count\": 1}");
        Api.Reply byATill = API.post("/api/v1/coupon-templates", Api.terminal("MI-001"), WELCOME);

        assertThat(percent.isProblem("validation-failed"))
                .as(percent.toString())
                .isTrue();
        assertThat(channel.isProblem("validation-failed"))
                .as(channel.toString())
                .isTrue();
        assertThat(both.isProblem("validation-failed")).as(both.toString()).isTrue();
        assertThat(tooMany.isProblem("validation-failed"))
                .as(tooMany.toString())
                .isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem("coupon-template-not-found"))
                .as(unknown.toString())
                .isTrue();
        assertThat(byATill.status()).isEqualTo(403);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon_template")).isEqualTo(templates + 1);
        assertThat(Api.count("SELECT COUNT(*) FROM coupon")).isEqualTo(coupons);
    }

    @Test
    void theConsoleListsItsTemplatesAndNoOneElseDoes() {
        String name = "Listed " + unique();
        String templateId = template(WELCOME.replace("Newsletter welcome", name)
                .replace("\"perCustomerLimit\": 1", "\"perCustomerLimit\": 1, \"categories\": [\"wine\"]"));

        Api.Reply list = API.get("/api/v1/coupon-templates", Api.admin());
        Api.Reply byATill = API.get("/api/v1/coupon-templates", Api.terminal("MI-001"));
        Api.Reply byACustomer = API.get(
                "/api/v1/coupon-templates", Api.customer(UUID.randomUUID().toString()));

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonObject listed = list.json().getJsonArray("items").stream()
                .map(t -> t.asJsonObject())
                .filter(t -> t.getString("templateId").equals(templateId))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getString("name")).isEqualTo(name);
        assertThat(listed.getJsonObject("discount").getString("type")).isEqualTo("AMOUNT_OFF");
        assertThat(listed.getJsonObject("discount").getJsonNumber("value").longValue())
                .isEqualTo(500);
        assertThat(listed.getJsonNumber("minSpend").longValue()).isEqualTo(2000);
        assertThat(listed.getInt("validDays")).isEqualTo(30);
        assertThat(listed.getJsonArray("categories").getString(0)).isEqualTo("wine");
        assertThat(byATill.status()).as(byATill.toString()).isEqualTo(403);
        assertThat(byACustomer.status()).as(byACustomer.toString()).isEqualTo(403);
    }
}
