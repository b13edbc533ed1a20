package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer's own profile ({@code /me}); run by {@code ServiceIT.Me} on the shared deployment.
 */
abstract class MeScenarios {

    @Test
    void theCustomerReadsAndChangesTheirOwnProfile() {
        JsonObject marco = enrolled("marco." + unique() + "@example.com", uniquePhone());
        String id = marco.getString("customerId");
        String token = Api.customer(id);

        Api.Reply me = API.get("/api/v1/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo(marco.getString("email"));

        Api.Reply changed = API.patch(
                "/api/v1/me",
                token,
                "{\"preferredChannel\": \"EMAIL\", \"consents\": {\"marketingSms\": false, \"marketingEmail\": true}}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("preferredChannel")).isEqualTo("EMAIL");
        assertThat(changed.json().getJsonObject("consents").getBoolean("marketingSms"))
                .isFalse();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_consent WHERE customer_id = '" + id + "'"))
                .as("two new decisions appended, none rewritten")
                .isEqualTo(6);
        assertThat(API.get("/api/v1/me", token).json().getJsonObject("consents").getBoolean("marketingEmail"))
                .isTrue();
    }

    @Test
    void aCustomerChangesTheirPhoneAFewTimesADayAndThenIsToldToWait() {
        JsonObject anna = enrolled("anna." + unique() + "@example.com", uniquePhone());
        String token = Api.customer(anna.getString("customerId"));
        // saving the profile with the same contacts again sends no code and counts for nothing
        for (int i = 0; i < 3; i++) {
            Api.Reply same = API.patch(
                    "/api/v1/me", token, "{\"phone\": \"" + anna.getString("phone") + "\", \"firstName\": \"Anna\"}");
            assertThat(same.status()).as(same.toString()).isEqualTo(200);
        }
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = uniquePhone();
            Api.Reply changed = API.patch("/api/v1/me", token, "{\"phone\": \"" + last + "\"}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        String pumped = uniquePhone();
        Api.Reply sixth = API.patch("/api/v1/me", token, "{\"phone\": \"" + pumped + "\"}");
        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.isProblem("rate-limited")).isTrue();
        assertThat(Long.parseLong(sixth.retryAfter())).isBetween(80_000L, 86_400L);
        assertThat(API.get("/api/v1/me", token).json().getString("phone"))
                .as("the refused change changed nothing")
                .isEqualTo(last);
        assertThat(Api.count("SELECT COUNT(*) FROM message WHERE customer_id = '" + anna.getString("customerId")
                        + "' AND template_values LIKE '%verifyContact%'"))
                .as("a code for each of the five new numbers, none for the sixth")
                .isEqualTo(5);
    }

    @Test
    void aCustomerTokenOfNobodyFindsNothing() {
        Api.Reply reply = API.get("/api/v1/me", Api.customer(UUID.randomUUID().toString()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem("customer-not-found")).as(reply.toString()).isTrue();
    }

    @Test
    void aCustomerCannotReadAnotherCustomer() {
        JsonObject other = enrolled(null, uniquePhone());
        String myself = enrolled(null, uniquePhone()).getString("customerId");

        Api.Reply reply = API.get("/api/v1/customers/" + other.getString("customerId"), Api.customer(myself));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void switchingToSmsWithoutAPhoneIsRefusedAndChangesNothing() {
        JsonObject anna = enrolled("anna." + unique() + "@example.com", null);
        String token = Api.customer(anna.getString("customerId"));

        Api.Reply reply = API.patch("/api/v1/me", token, "{\"preferredChannel\": \"SMS\", \"firstName\": \"Annie\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(API.get("/api/v1/me", token).json().getString("firstName")).isEqualTo("Marco");
    }
}
