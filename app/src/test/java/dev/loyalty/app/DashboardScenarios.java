package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.personalCoupon;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's dashboard counted by the service; run by {@code ServiceIT.Dashboard}. */
abstract class DashboardScenarios {

    JsonObject dashboard() {
        Api.Reply reply = API.get("/api/v1/dashboard", Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject thisWeek(JsonObject dashboard) {
        List<JsonObject> weeks = dashboard.getJsonArray("weeks").getValuesAs(JsonObject.class);
        return weeks.get(weeks.size() - 1);
    }

    @Test
    void anEnrolmentAnAdjustmentAndACouponShowInTheFigures() {
        JsonObject before = dashboard();

        String elena = enrolled("dashboard." + unique() + "@example.com", null).getString("customerId");
        Api.Reply adjusted = API.post(
                "/api/v1/customers/" + elena + "/wallet/adjustments",
                Api.admin(),
                "{\"points\": 250, \"reason\": \"Welcome gift\"}");
        assertThat(adjusted.status()).as(adjusted.toString()).isBetween(200, 201);
        String templateId =
                template("{\"name\": \"Dashboard %s\", \"discount\": {\"type\": \"AMOUNT_OFF\", \"value\": 300},"
                                .formatted(unique())
                        + " \"channels\": [\"STORE\"], \"validDays\": 30}");
        personalCoupon(templateId, elena);

        JsonObject after = dashboard();
        assertThat(after.getJsonNumber("members").longValue())
                .isEqualTo(before.getJsonNumber("members").longValue() + 1);
        assertThat(after.getJsonNumber("pointsOutstanding").longValue())
                .isEqualTo(before.getJsonNumber("pointsOutstanding").longValue() + 250);
        assertThat(after.getJsonNumber("pointsValue").longValue())
                .as("a thousand points are worth 1000 cents by default")
                .isEqualTo(after.getJsonNumber("pointsOutstanding").longValue());
        assertThat(after.getString("currency")).isEqualTo("EUR");
        JsonObject week = thisWeek(after);
        assertThat(after.getJsonArray("weeks")).hasSize(12);
        assertThat(week.getString("start"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toString());
        assertThat(week.getJsonNumber("newMembers").longValue())
                .isEqualTo(thisWeek(before).getJsonNumber("newMembers").longValue() + 1);
        assertThat(week.getJsonNumber("members").longValue())
                .isEqualTo(after.getJsonNumber("members").longValue());
        assertThat(week.getJsonNumber("couponsIssued").longValue())
                .isEqualTo(thisWeek(before).getJsonNumber("couponsIssued").longValue() + 1);
        assertThat(after.getJsonNumber("activeCustomers").longValue()).isNotNegative();
    }

    @Test
    void onlyAnAdministratorReadsTheDashboard() {
        Api.Reply terminal = API.get("/api/v1/dashboard", Api.terminal("MI-001"));
        Api.Reply customer = API.get(
                "/api/v1/dashboard", Api.customer(java.util.UUID.randomUUID().toString()));

        assertThat(List.of(terminal.status(), customer.status())).containsOnly(403);
        assertThat(terminal.isProblem("forbidden")).as(terminal.toString()).isTrue();
    }
}
