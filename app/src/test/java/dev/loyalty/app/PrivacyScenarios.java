package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.enrolment;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.theBooksBalance;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Privacy: a customer's export and erasure; run by {@code ServiceIT.Privacy} on the shared
 * deployment.
 */
abstract class PrivacyScenarios {

    @Test
    void anExportHoldsEverythingAndAnErasureKeepsTheBooksBalanced() {
        String email = "elena." + unique() + "@example.com";
        String phone = uniquePhone();
        String elena = enrolled(email, phone).getString("customerId");
        Api.Reply paid = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                purchase("MI-001", "R-" + unique(), elena, TEN_LASAGNE, 6000));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        Api.Reply export = API.get("/api/v1/customers/" + elena + "/export", Api.admin());
        Api.Reply byATill = API.send("DELETE", "/api/v1/customers/" + elena, Api.terminal("MI-001"), null, null);
        Api.Reply erased = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);
        Api.Reply again = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);
        Api.Reply unknown = API.send("DELETE", "/api/v1/customers/" + UUID.randomUUID(), Api.admin(), null, null);
        JsonObject after = API.get("/api/v1/customers/" + elena, Api.admin()).json();
        Api.Reply byEmail = API.get("/api/v1/customers/lookup?email=" + email, Api.admin());
        Api.Reply reEnrolled = API.post("/api/v1/customers", Api.terminal("MI-001"), enrolment(email, phone, "MI-001"));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonObject held = export.json();
        assertThat(held.getJsonObject("customer").getString("email")).isEqualTo(email);
        assertThat(held.getJsonArray("consentHistory")).hasSize(4);
        assertThat(held.getJsonArray("ledger").getJsonObject(0).getString("type"))
                .isEqualTo("EARN");
        assertThat(held.getJsonArray("purchases")).hasSize(1);
        assertThat(held.getJsonNumber("pointsBalance").longValue()).isEqualTo(60);
        assertThat(byATill.status()).isEqualTo(403);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(after.getString("firstName")).isEqualTo("(erased)");
        assertThat(after.containsKey("email")).isFalse();
        assertThat(after.containsKey("phone")).isFalse();
        assertThat(after.containsKey("lastName")).isFalse();
        assertThat(after.getJsonObject("consents").getBoolean("marketingSms")).isFalse();
        assertThat(after.getJsonNumber("pointsBalance").longValue()).isEqualTo(60);
        assertThat(byEmail.status()).isEqualTo(404);
        assertThat(reEnrolled.status()).as("the email and phone are free again").isEqualTo(201);
        assertThat(Api.count("SELECT COUNT(*) FROM domain_event WHERE type = 'CUSTOMER_ERASED' AND aggregate_id = '"
                        + elena + "'"))
                .isEqualTo(1);
        theBooksBalance();
    }
}
