package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A contact changed in the app gets nothing but its code until the code is confirmed (SMS toll
 * fraud and phishing through rule messages otherwise); run by {@code ServiceIT.ContactVerification}
 * on the shared deployment.
 */
abstract class ContactVerificationScenarios {

    static JsonArray messagesOf(String customer) {
        Api.Reply reply = API.get("/api/v1/customers/" + customer + "/messages", Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.body())).readArray();
    }

    /** Waits (at most 30 s) until none of the customer's messages is QUEUED; newest first. */
    static JsonArray settled(String customer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonArray messages = messagesOf(customer);
            if (messages.stream()
                            .noneMatch(m -> m.asJsonObject().getString("status").equals("QUEUED"))
                    || System.nanoTime() > deadline) {
                return messages;
            }
            Thread.sleep(200);
        }
    }

    /** The code sent, as the console's GDPR export shows the message's values. */
    static String codeSentTo(String customer) {
        Api.Reply export = API.get("/api/v1/customers/" + customer + "/export", Api.admin());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return findCode(export.json());
    }

    private static String findCode(JsonValue value) {
        if (value instanceof JsonObject object) {
            for (JsonValue child : object.values()) {
                String found = findCode(child);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                String found = findCode(array.get(i));
                if (found != null) {
                    return found;
                }
            }
        } else if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((jakarta.json.JsonString) value).getString();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("(?:^|&)code=([0-9]{6})(?:&|$)")
                    .matcher(text);
            if (text.contains("verifyContact=") && code.find()) {
                return code.group(1);
            }
        }
        return null;
    }

    Api.Reply verify(String customer, String body) {
        return API.post("/api/v1/me/contact-verifications", Api.customer(customer), body);
    }

    /** @return the console's transactional SMS to the customer, once settled */
    JsonObject smsFromTheConsole(String customer) throws InterruptedException {
        Api.Reply sent = API.post(
                "/api/v1/customers/" + customer + "/messages",
                Api.admin(),
                "{\"template\": \"Il tuo ordine è pronto\", \"channel\": \"SMS\", \"transactional\": true}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String id = sent.json().getString("messageId");
        return message(settled(customer), m -> m.getString("messageId").equals(id));
    }

    static JsonObject message(JsonArray messages, java.util.function.Predicate<JsonObject> which) {
        return messages.stream()
                .map(JsonValue::asJsonObject)
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such message in " + messages));
    }

    static JsonObject codeMessage(String customer) throws InterruptedException {
        return message(settled(customer), m -> m.getString("cause").startsWith("contact-verification:"));
    }

    @Test
    void elenasNewPhoneGetsItsCodeAndNothingElseUntilSheConfirmsIt() throws Exception {
        String elena = enrolled("elena." + unique() + "@example.com", null).getString("customerId");
        String phone = uniquePhone();

        Api.Reply changed = API.patch("/api/v1/me", Api.customer(elena), "{\"phone\": \"" + phone + "\"}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("phone"))
                .as("the profile shows it at once")
                .isEqualTo(phone);
        assertThat(changed.json().getJsonArray("unverifiedContacts").getString(0))
                .isEqualTo("SMS");
        JsonObject code = codeMessage(elena);
        assertThat(code.getString("kind")).isEqualTo("TRANSACTIONAL");
        assertThat(code.getString("channel")).isEqualTo("SMS");
        assertThat(code.getString("status")).as(code.toString()).isEqualTo("SENT");
        assertThat(code.getString("cause")).startsWith("contact-verification:" + elena);

        JsonObject held = smsFromTheConsole(elena);
        assertThat(held.getString("status"))
                .as("the unverified phone gets nothing else: " + held)
                .isEqualTo("SUPPRESSED");
        assertThat(held.getString("reason")).contains("no phone number");

        String right = codeSentTo(elena);
        String wrong = right.equals("000000") ? "111111" : "000000";
        Api.Reply refused = verify(elena, "{\"channel\": \"SMS\", \"code\": \"" + wrong + "\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem("contact-verification-code-invalid"))
                .as(refused.toString())
                .isTrue();
        assertThat(refused.body()).contains("4 attempt(s) left");

        Api.Reply verified = verify(elena, "{\"channel\": \"SMS\", \"code\": \"" + right + "\"}");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().containsKey("unverifiedContacts")).isFalse();
        assertThat(API.get("/api/v1/me", Api.customer(elena)).json().containsKey("unverifiedContacts"))
                .isFalse();
        assertThat(smsFromTheConsole(elena).getString("status")).isEqualTo("SENT");
        Api.Reply again = verify(elena, "{\"channel\": \"SMS\", \"code\": \"" + right + "\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(404);
        assertThat(again.isProblem("contact-verification-not-found")).isTrue();
    }

    @Test
    void marcosVerifiedPhoneKeepsItsMessagesWhileTheNewOneWaitsAndFiveWrongCodesVoidIt() throws Exception {
        String old = uniquePhone();
        String marco = enrolled(null, old).getString("customerId");
        API.patch("/api/v1/me", Api.customer(marco), "{\"phone\": \"" + uniquePhone() + "\"}");
        settled(marco);
        String right = codeSentTo(marco);
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertThat(smsFromTheConsole(marco).getString("status"))
                .as("the phone verified before still gets his messages")
                .isEqualTo("SENT");
        for (int i = 0; i < 4; i++) {
            assertThat(verify(marco, "{\"channel\": \"SMS\", \"code\": \"" + wrong + "\"}")
                            .isProblem("contact-verification-code-invalid"))
                    .isTrue();
        }
        Api.Reply fifth = verify(marco, "{\"channel\": \"SMS\", \"code\": \"" + wrong + "\"}");
        Api.Reply rightTooLate = verify(marco, "{\"channel\": \"SMS\", \"code\": \"" + right + "\"}");

        assertThat(fifth.status()).as(fifth.toString()).isEqualTo(409);
        assertThat(fifth.isProblem("contact-verification-locked")).isTrue();
        assertThat(rightTooLate.isProblem("contact-verification-locked"))
                .as(rightTooLate.toString())
                .isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM contact_verification WHERE customer_id = '" + marco
                        + "' AND attempts_left = 0"))
                .isEqualTo(1);
        // giving the verified phone back ends the wait
        Api.Reply back = API.patch("/api/v1/me", Api.customer(marco), "{\"phone\": \"" + old + "\"}");
        assertThat(back.json().containsKey("unverifiedContacts"))
                .as(back.toString())
                .isFalse();
    }

    @Test
    void tenGuessesAtOnceGetFiveTriesBetweenThem() throws Exception {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        API.patch("/api/v1/me", Api.customer(marco), "{\"phone\": \"" + uniquePhone() + "\"}");
        settled(marco);
        String right = codeSentTo(marco);
        String wrong = right.equals("000000") ? "111111" : "000000";
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Api.Reply>> guesses = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                guesses.add(threads.submit(() -> {
                    start.await();
                    return verify(marco, "{\"channel\": \"SMS\", \"code\": \"" + wrong + "\"}");
                }));
            }
            start.countDown();
            java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Api.Reply> guess : guesses) {
                Api.Reply reply = guess.get(120, java.util.concurrent.TimeUnit.SECONDS);
                String code = reply.json().getString("code", String.valueOf(reply.status()));
                outcomes.merge(code, 1, Integer::sum);
            }

            assertThat(outcomes)
                    .as("each wrong code counted once, under the row's lock")
                    .isEqualTo(
                            java.util.Map.of("contact-verification-code-invalid", 4, "contact-verification-locked", 6));
        } finally {
            threads.shutdownNow();
        }
        assertThat(Api.count("SELECT attempts_left FROM contact_verification WHERE customer_id = '" + marco + "'"))
                .isZero();
    }

    @Test
    void onlyTheCustomerConfirmsACode() {
        String body = "{\"channel\": \"SMS\", \"code\": \"123456\"}";

        for (String token : new String[] {Api.admin(), Api.terminal("MI-001"), Api.integration()}) {
            Api.Reply reply = API.post("/api/v1/me/contact-verifications", token, body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        }
        assertThat(API.post("/api/v1/me/contact-verifications", null, body).status())
                .isEqualTo(401);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String marco = enrolled(null, uniquePhone()).getString("customerId");
        String phone = uniquePhone();
        API.patch("/api/v1/me", Api.customer(marco), "{\"phone\": \"" + phone + "\"}");
        long before = Api.count("SELECT attempts_left FROM contact_verification WHERE customer_id = '" + marco + "'");

        Api.Reply fax = verify(marco, "{\"channel\": \"FAX\", \"code\": \"123456\"}");
        Api.Reply letters = verify(marco, "{\"channel\": \"SMS\", \"code\": \"12ab56\"}");
        Api.Reply missing = verify(marco, "{\"channel\": \"SMS\"}");
        Api.Reply malformed = verify(marco, "{\"channel\": \"SMS\", \"code\": ");
        Api.Reply nothingPending = verify(marco, "{\"channel\": \"EMAIL\", \"code\": \"123456\"}");

        assertThat(fax.isProblem("validation-failed")).as(fax.toString()).isTrue();
        assertThat(fax.body()).contains("channel");
        assertThat(letters.isProblem("validation-failed"))
                .as(letters.toString())
                .isTrue();
        assertThat(letters.body()).contains("code");
        assertThat(missing.isProblem("validation-failed"))
                .as(missing.toString())
                .isTrue();
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(nothingPending.status()).as(nothingPending.toString()).isEqualTo(404);
        assertThat(Api.count("SELECT attempts_left FROM contact_verification WHERE customer_id = '" + marco + "'"))
                .as("no attempt counted for a malformed request")
                .isEqualTo(before);
    }
}
