package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The app's devices ({@code PUT/DELETE /me/devices/{deviceToken}}) and the customer's language;
 * run by {@code ServiceIT.Devices} on the shared deployment (the pushes themselves: {@code PushIT}).
 */
abstract class DeviceScenarios {

    static final String ANDROID = "{\"platform\": \"ANDROID\", \"language\": \"it-it\", \"appVersion\": \"4.2.0\"}";

    static String aToken() {
        return "fcm-" + UUID.randomUUID() + ":APA91b" + unique();
    }

    static long devicesOf(String customer) {
        return Api.count("SELECT COUNT(*) FROM customer_device WHERE customer_id = '" + customer + "'");
    }

    static Api.Reply put(String token, String customer, String body) {
        return API.send("PUT", "/api/v1/me/devices/" + token, Api.customer(customer), "application/json", body);
    }

    @Test
    void theAppRegistersItsDeviceOnceAndATokenMovesToTheCustomerWhoRegistersIt() {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String elena = enrolled(null, uniquePhone()).getString("customerId");
        String token = aToken();

        Api.Reply registered = put(token, marco, ANDROID);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().getString("platform")).isEqualTo("ANDROID");
        assertThat(registered.json().getString("language")).isEqualTo("it-IT");
        assertThat(registered.json().getString("appVersion")).isEqualTo("4.2.0");
        assertThat(registered.body()).doesNotContain(token);
        Api.Reply again = put(token, marco, "{\"platform\": \"ANDROID\", \"appVersion\": \"4.3.0\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(devicesOf(marco)).as("registered twice, one device").isEqualTo(1);
        assertThat(Api.one("SELECT app_version FROM customer_device WHERE token = '" + token + "'"))
                .isEqualTo("4.3.0");

        assertThat(put(token, elena, "{\"platform\": \"IOS\"}").status()).isEqualTo(200);
        assertThat(devicesOf(marco)).isZero();
        assertThat(devicesOf(elena)).isEqualTo(1);

        // the export shows it (the customer's data), the device listed under elena only
        assertThat(API.get("/api/v1/customers/" + elena + "/export", Api.admin())
                        .json()
                        .getJsonObject("records")
                        .getJsonArray("devices")
                        .getJsonObject(0)
                        .getString("deviceToken"))
                .isEqualTo(token);
        assertThat(API.get("/api/v1/customers/" + marco + "/export", Api.admin())
                        .json()
                        .getJsonObject("records")
                        .getJsonArray("devices"))
                .isEmpty();

        // marco cannot take it off elena's phone; elena can, twice
        Api.Reply notHis = API.send("DELETE", "/api/v1/me/devices/" + token, Api.customer(marco), null, null);
        assertThat(notHis.status()).as(notHis.toString()).isEqualTo(204);
        assertThat(devicesOf(elena)).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            Api.Reply gone = API.send("DELETE", "/api/v1/me/devices/" + token, Api.customer(elena), null, null);
            assertThat(gone.status()).as(gone.toString()).isEqualTo(204);
        }
        assertThat(devicesOf(elena)).isZero();
    }

    @Test
    void onlyTheAppRegistersDevices() {
        String token = aToken();
        for (String other : new String[] {Api.admin(), Api.terminal("MI-001"), Api.integration()}) {
            Api.Reply put = API.send("PUT", "/api/v1/me/devices/" + token, other, "application/json", ANDROID);
            assertThat(put.status()).as(put.toString()).isEqualTo(403);
            assertThat(put.contentType()).startsWith("application/problem+json");
            Api.Reply delete = API.send("DELETE", "/api/v1/me/devices/" + token, other, null, null);
            assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
        }
        assertThat(Api.count("SELECT COUNT(*) FROM customer_device WHERE token = '" + token + "'"))
                .isZero();
        Api.Reply nobody = put(token, UUID.randomUUID().toString(), ANDROID);
        assertThat(nobody.isProblem("customer-not-found")).as(nobody.toString()).isTrue();
    }

    @Test
    void aBadTokenPlatformLanguageOrVersionIsAProblemNamingTheFieldAndStoresNothing() {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String token = aToken();
        String[][] cases = {
            {"short", ANDROID, "deviceToken"},
            {"x".repeat(513), ANDROID, "deviceToken"},
            {token + "%20x", ANDROID, "deviceToken"},
            {token, "{\"language\": \"it\"}", "platform"},
            {token, "{\"platform\": \"SYMBIAN\"}", "platform"},
            {token, "{\"platform\": \"IOS\", \"language\": \"italiano\"}", "language"},
            {token, "{\"platform\": \"IOS\", \"appVersion\": \"" + "9".repeat(65) + "\"}", "appVersion"},
            {token, "{\"platform\": \"IOS\", \"appVersion\": \"1.0\\n<b>\"}", "appVersion"},
            {token, "{\"platform\": 7}", "platform"},
        };
        for (String[] c : cases) {
            Api.Reply reply = put(c[0], marco, c[1]);
            assertThat(reply.status()).as(c[1] + " -> " + reply).isBetween(400, 422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).as(reply.toString()).contains(c[2]);
        }
        Api.Reply noBody = put(token, marco, null);
        assertThat(noBody.status()).as(noBody.toString()).isBetween(400, 422);
        Api.Reply malformed = put(token, marco, "{\"platform\": ");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        Api.Reply badDelete = API.send("DELETE", "/api/v1/me/devices/short", Api.customer(marco), null, null);
        assertThat(badDelete.isProblem("validation-failed"))
                .as(badDelete.toString())
                .isTrue();
        assertThat(devicesOf(marco)).isZero();
    }

    @Test
    void theCustomersLanguageIsSetAtEnrolmentAndChangedByTheAppAndTheConsole() {
        Api.Reply enrolled = API.post(
                "/api/v1/customers",
                Api.terminal("MI-001"),
                Fixtures.enrolment(null, uniquePhone(), "MI-001")
                        .replace("\"firstName\"", "\"language\": \"de_ch\", \"firstName\""));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String id = enrolled.json().getString("customerId");
        assertThat(API.get("/api/v1/me", Api.customer(id)).json().getString("language"))
                .isEqualTo("de-CH");

        Api.Reply changed = API.patch("/api/v1/me", Api.customer(id), "{\"language\": \"it\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("language")).isEqualTo("it");
        Api.Reply console = API.patch("/api/v1/customers/" + id, Api.admin(), "{\"language\": \"en-GB\"}");
        assertThat(console.status()).as(console.toString()).isEqualTo(200);
        assertThat(API.get("/api/v1/me", Api.customer(id)).json().getString("language"))
                .isEqualTo("en-GB");

        Api.Reply bad = API.patch("/api/v1/me", Api.customer(id), "{\"language\": \"english please\"}");
        assertThat(bad.isProblem("validation-failed")).as(bad.toString()).isTrue();
        assertThat(bad.body()).contains("language");
        Api.Reply badEnrolment = API.post(
                "/api/v1/customers",
                Api.terminal("MI-001"),
                Fixtures.enrolment(null, uniquePhone(), "MI-001")
                        .replace("\"firstName\"", "\"language\": \"x\", \"firstName\""));
        assertThat(badEnrolment.isProblem("validation-failed"))
                .as(badEnrolment.toString())
                .isTrue();
        assertThat(API.get("/api/v1/me", Api.customer(id)).json().getString("language"))
                .isEqualTo("en-GB");
    }
}
