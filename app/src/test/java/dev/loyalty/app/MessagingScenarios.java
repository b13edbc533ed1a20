package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Messages to customers: after commit, marketing caps and consent, dead letters, templates, staff
 * calls; run by {@code ServiceIT.Messaging} on the shared deployment.
 */
abstract class MessagingScenarios {

    String marcoWithSmsConsent() {
        return enrolled(null, uniquePhone()).getString("customerId");
    }

    Api.Reply send(String customer, String body) {
        return API.post("/api/v1/customers/" + customer + "/messages", Api.admin(), body);
    }

    String sent(String customer, String body) {
        Api.Reply reply = send(customer, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("messageId");
    }

    jakarta.json.JsonArray messagesOf(String customer) {
        Api.Reply reply = API.get("/api/v1/customers/" + customer + "/messages", Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readArray();
    }

    /** Waits (at most 30 s) until none of the customer's messages is QUEUED any more. */
    jakarta.json.JsonArray settled(String customer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            jakarta.json.JsonArray messages = messagesOf(customer);
            boolean queued = messages.stream()
                    .anyMatch(m -> m.asJsonObject().getString("status").equals("QUEUED"));
            if (!queued || System.nanoTime() > deadline) {
                return messages;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void aMessageIsSentAfterCommitAndListedNewestFirstWithItsHistory() throws Exception {
        String marco = marcoWithSmsConsent();
        String first = sent(marco, "{\"template\": \"Ciao {firstName}\", \"transactional\": true}");
        String second = sent(
                marco, "{\"template\": \"Il tuo coupon {couponCode}\", \"values\": {\"couponCode\": \"K7P2QX9M4\"}}");

        jakarta.json.JsonArray messages = settled(marco);

        assertThat(messages).hasSize(2);
        JsonObject newest = messages.getJsonObject(0);
        assertThat(newest.getString("messageId")).isEqualTo(second);
        assertThat(messages.getJsonObject(1).getString("messageId")).isEqualTo(first);
        assertThat(newest.getString("status")).isEqualTo("SENT");
        assertThat(newest.getString("channel")).isEqualTo("SMS");
        assertThat(newest.getString("kind")).isEqualTo("MARKETING");
        assertThat(messages.getJsonObject(1).getString("kind")).isEqualTo("TRANSACTIONAL");
        assertThat(newest.getJsonArray("history").stream()
                        .map(h -> h.asJsonObject().getString("status"))
                        .toList())
                .containsExactly("QUEUED", "ATTEMPT", "SENT");
        assertThat(Api.count("SELECT COUNT(*) FROM message WHERE customer_id = '" + marco + "' AND status = 'SENT'"))
                .isEqualTo(2);
    }

    static JsonObject byId(jakarta.json.JsonArray messages, String id) {
        return messages.stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(m -> m.getString("messageId").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + messages));
    }

    /** The auth token and callback URL this deployment is given (arquillian.xml). */
    static final String TWILIO_TOKEN = "it-twilio-auth-token";

    static Api.Reply twilioReport(Map<String, String> parameters) throws Exception {
        String url =
                "http://127.0.0.1:" + System.getProperty("loyalty.it.http.port") + "/api/v1/gateways/twilio/status";
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        String form = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return API.sendWithHeaders(
                "POST",
                "/api/v1/gateways/twilio/status",
                "application/x-www-form-urlencoded",
                form,
                Map.of("X-Twilio-Signature", signature));
    }

    @Test
    void aCapturedTwilioCallbackSentAgainChangesNothing() throws Exception {
        String marco = marcoWithSmsConsent();
        String id = sent(marco, "{\"template\": \"Ciao {firstName}\", \"transactional\": true}");
        assertThat(byId(settled(marco), id).getString("status")).isEqualTo("SENT");
        Map<String, String> delivered = Map.of("MessageSid", "log-" + id, "MessageStatus", "delivered");

        Api.Reply first = twilioReport(delivered);
        int history = byId(messagesOf(marco), id).getJsonArray("history").size();
        Api.Reply replayed = twilioReport(delivered);
        Api.Reply backwards =
                twilioReport(Map.of("MessageSid", "log-" + id, "MessageStatus", "undelivered", "ErrorCode", "30003"));

        assertThat(first.status()).as(first.toString()).isEqualTo(204);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(409);
        assertThat(replayed.isProblem("delivery-report-replayed"))
                .as(replayed.toString())
                .isTrue();
        assertThat(backwards.isProblem("delivery-report-replayed"))
                .as(backwards.toString())
                .isTrue();
        JsonObject message = byId(messagesOf(marco), id);
        assertThat(message.getString("status")).isEqualTo("DELIVERED");
        assertThat(message.getJsonArray("history")).as("nothing appended").hasSize(history);
    }

    @Test
    void tenCampaignsInADayLetOnlyTheCapThrough() throws Exception {
        String marco = marcoWithSmsConsent();
        for (int priority = 1; priority <= 10; priority++) {
            sent(marco, "{\"template\": \"Campagna %d\", \"priority\": %d}".formatted(priority, priority));
        }

        jakarta.json.JsonArray messages = settled(marco);

        assertThat(messages.stream()
                        .filter(m -> m.asJsonObject().getString("status").equals("SENT")))
                .hasSize(2);
        assertThat(messages.stream().map(jakarta.json.JsonValue::asJsonObject).filter(m -> m.getString("status")
                        .equals("SUPPRESSED")))
                .hasSize(8)
                .allSatisfy(m -> assertThat(m.getString("reason")).contains("marketing pressure"));
    }

    @Test
    void withoutConsentAMarketingMessageIsSuppressedWithItsReason() throws Exception {
        String email = "nocontact." + unique() + "@example.com";
        String elena = enrolled(email, null).getString("customerId");

        sent(elena, "{\"template\": \"Offerta\", \"channel\": \"EMAIL\"}");

        JsonObject message = settled(elena).getJsonObject(0);
        assertThat(message.getString("status")).isEqualTo("SUPPRESSED");
        assertThat(message.getString("reason")).contains("no consent MARKETING_EMAIL");
    }

    @Test
    void aDeadLetterIsListedAndOnlyADeadLetterCanBeRetried() throws Exception {
        String marco = marcoWithSmsConsent();
        String broken = sent(marco, "{\"template\": \"Usa {couponCode}\", \"transactional\": true}");
        String fine = sent(marco, "{\"template\": \"Ciao\", \"transactional\": true}");
        settled(marco);

        Api.Reply failed = API.get("/api/v1/messages?status=FAILED&limit=500", Api.admin());
        assertThat(failed.body()).contains(broken).contains("placeholders without a value: couponCode");
        Api.Reply retried = API.post("/api/v1/messages/" + broken + "/retry", Api.admin(), "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getString("status")).isEqualTo("QUEUED");

        Api.Reply notFailed = API.post("/api/v1/messages/" + fine + "/retry", Api.admin(), "");
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.isProblem("message-not-retryable"))
                .as(notFailed.toString())
                .isTrue();
        Api.Reply unknown = API.post("/api/v1/messages/not-a-message/retry", Api.admin(), "");
        assertThat(unknown.isProblem("message-not-found"))
                .as(unknown.toString())
                .isTrue();
        assertThat(API.get("/api/v1/messages?status=LOST", Api.admin()).isProblem("validation-failed"))
                .isTrue();
        assertThat(API.get("/api/v1/customers/" + marco + "/messages", Api.customer(marco))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNeverA500() {
        String marco = marcoWithSmsConsent();

        assertThat(send(marco, "{\"template\": \"\"}").status()).isEqualTo(422);
        assertThat(send(marco, "{\"template\": \"x\", \"channel\": \"PIGEON\"}").isProblem("validation-failed"))
                .isTrue();
        assertThat(send(UUID.randomUUID().toString(), "{\"template\": \"x\"}").isProblem("customer-not-found"))
                .isTrue();
        Api.Reply link = API.get("/api/v1/unsubscribe?token=forged.link", null);
        assertThat(link.isProblem("unsubscribe-link-invalid"))
                .as(link.toString())
                .isTrue();
        Api.Reply unsigned = API.send(
                "POST",
                "/api/v1/gateways/twilio/status",
                null,
                "application/x-www-form-urlencoded",
                "MessageSid=SM1&MessageStatus=delivered");
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(403);
    }

    @Test
    void aTemplateIsCheckedWhenSavedPreviewedAndNamedByAMessage() throws Exception {
        String name = "welcome-" + unique();
        Api.Reply unknown = API.send(
                "PUT",
                "/api/v1/message-templates/" + name + "/it",
                Api.admin(),
                "application/json",
                "{\"body\": \"Ciao {nome}\"}");
        assertThat(unknown.isProblem("validation-failed"))
                .as(unknown.toString())
                .isTrue();
        Api.Reply saved = API.send(
                "PUT",
                "/api/v1/message-templates/" + name + "/it",
                Api.admin(),
                "application/json",
                "{\"subject\": \"Benvenuto\", \"body\": \"Ciao {firstName}, ecco {couponCode}\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        Api.Reply preview = API.post(
                "/api/v1/message-templates/" + name + "/it/preview",
                Api.admin(),
                "{\"values\": {\"firstName\": \"Elena\"}}");
        assertThat(preview.json().getString("text")).isEqualTo("Ciao Elena, ecco K7P2QX9M4");
        assertThat(API.post("/api/v1/message-templates/" + name + "/en/preview", Api.admin(), "{}")
                        .isProblem("message-template-not-found"))
                .isTrue();

        String marco = marcoWithSmsConsent();
        sent(
                marco,
                "{\"template\": \"@%s\", \"values\": {\"couponCode\": \"X1\"}, \"transactional\": true}"
                        .formatted(name));
        assertThat(settled(marco).getJsonObject(0).getString("status")).isEqualTo("SENT");
    }

    @Test
    void aStaffCallWaitsOnItsStoresCallListUntilCalled() throws Exception {
        String marco = marcoWithSmsConsent();
        String call =
                sent(marco, "{\"template\": \"{firstName}: la crema sta finendo?\", \"channel\": \"STAFF_CALL\"}");
        settled(marco);

        Api.Reply list = API.get("/api/v1/stores/MI-001/call-list", Api.terminal("MI-001"));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains(call).contains("Marco: la crema sta finendo?");
        assertThat(API.get("/api/v1/stores/MI-001/call-list", Api.terminal("RM-002"))
                        .status())
                .isEqualTo(403);

        assertThat(API.post(
                                "/api/v1/stores/MI-001/call-list/" + call + "/called",
                                Api.terminal("RM-002"),
                                "{\"note\": \"not mine\"}")
                        .status())
                .isEqualTo(403);
        assertThat(API.post(
                                "/api/v1/stores/RM-002/call-list/" + call + "/called",
                                Api.terminal("RM-002"),
                                "{\"note\": \"not on my list\"}")
                        .isProblem("message-not-found"))
                .isTrue();
        assertThat(messagesOf(marco).getJsonObject(0).getString("status")).isEqualTo("SENT");

        Api.Reply called = API.post(
                "/api/v1/stores/MI-001/call-list/" + call + "/called", Api.terminal("MI-001"), "{\"note\": \"ok\"}");
        assertThat(called.status()).as(called.toString()).isEqualTo(204);
        assertThat(messagesOf(marco).getJsonObject(0).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void theConsolePreviewsATemplateBeforeSavingItAndNothingIsSaved() {
        long templates = Api.count("SELECT COUNT(*) FROM message_template");

        Api.Reply draft = API.post(
                "/api/v1/message-templates/preview",
                Api.admin(),
                "{\"subject\": \"Per {firstName}\", \"body\": \"Ciao {firstName}, ecco {couponCode}\","
                        + " \"values\": {\"firstName\": \"Elena\"}}");
        Api.Reply unknown = API.post("/api/v1/message-templates/preview", Api.admin(), "{\"body\": \"Ciao {nome}\"}");
        Api.Reply blank = API.post("/api/v1/message-templates/preview", Api.admin(), "{\"body\": \"\"}");
        Api.Reply byATill =
                API.post("/api/v1/message-templates/preview", Api.terminal("MI-001"), "{\"body\": \"Ciao\"}");

        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().getString("subject")).isEqualTo("Per Elena");
        assertThat(draft.json().getString("text")).isEqualTo("Ciao Elena, ecco K7P2QX9M4");
        assertThat(unknown.isProblem("validation-failed"))
                .as(unknown.toString())
                .isTrue();
        assertThat(unknown.body()).contains("nome");
        assertThat(blank.isProblem("validation-failed")).as(blank.toString()).isTrue();
        assertThat(byATill.status()).as(byATill.toString()).isEqualTo(403);
        assertThat(Api.count("SELECT COUNT(*) FROM message_template")).isEqualTo(templates);
    }
}
