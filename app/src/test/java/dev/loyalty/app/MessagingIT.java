package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The service ({@code loyalty.jar}, configured by the contract's environment variables) sending
 * through real protocol peers the test starts: a local server speaking Twilio's Messages API shape
 * and GreenMail's SMTP server. Tells the stories: an e-mail with its unsubscribe link that
 * withdraws the consent; an SMS gateway down for a while (refused, then 500s, then time-outs) loses
 * nothing and, once back, has every message exactly once; a service killed after Twilio accepted a
 * message but before it recorded so sends it again after its restart, under the same idempotency
 * token, so the phone gets it once.
 */
class MessagingIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));
    static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-auth-token";

    @Test
    void messagesReachTheirPeersOnceWhateverTheGatewaysAndTheServiceDo() throws Exception {
        int twilioPort = ServiceProcess.freePort();
        int smtpPort = ServiceProcess.freePort();
        int httpPort = ServiceProcess.freePort();
        Map<String, String> env = ServiceProcess.sharedDatabaseEnv();
        env.putAll(Map.of(
                "LOYALTY_SMS_PROVIDER", "twilio",
                "LOYALTY_SMS_TWILIO_BASE_URL", "http://127.0.0.1:" + twilioPort,
                "LOYALTY_SMS_TWILIO_ACCOUNT_SID", SID,
                "LOYALTY_SMS_TWILIO_AUTH_TOKEN", TOKEN,
                "LOYALTY_SMS_FROM", "+15005550006",
                "LOYALTY_EMAIL_PROVIDER", "smtp",
                "LOYALTY_SMTP_HOST", "127.0.0.1",
                "LOYALTY_SMTP_PORT", String.valueOf(smtpPort),
                "LOYALTY_SMTP_USER", "loyalty",
                "LOYALTY_SMTP_PASSWORD", "smtp-secret"));
        env.putAll(Map.of(
                "LOYALTY_SMTP_STARTTLS", "false",
                "LOYALTY_SMTP_ALLOW_PLAIN_AUTH", "true", // GreenMail on loopback, without TLS
                "LOYALTY_EMAIL_FROM", "club@shop.example",
                "LOYALTY_MESSAGING_LINK_SECRET", "messaging-it-link-secret",
                "LOYALTY_PUBLIC_BASE_URL", "http://127.0.0.1:" + httpPort,
                "LOYALTY_MESSAGING_RETRY_FIRST_DELAY_MS", "200",
                "LOYALTY_MESSAGING_RETRY_MAX_DELAY_MS", "1000",
                "LOYALTY_MESSAGING_RETRY_MAX_ATTEMPTS", "200",
                "LOYALTY_MESSAGING_LEASE_SECONDS", "20",
                "LOYALTY_SMS_TWILIO_READ_TIMEOUT_MS", "1000"));
        Path work = JAR.getParent().resolve("messaging-it");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.setUser("loyalty", "smtp-secret");
        smtp.start();
        try (FakeTwilio twilio = new FakeTwilio(twilioPort, SID, TOKEN);
                ServiceProcess first =
                        ServiceProcess.start(JAR, httpPort, work.resolve("a"), work.resolve("a.log"), env)) {
            first.awaitReady();
            Api api = first.api();

            // an e-mail through SMTP, with the link that withdraws the consent
            String elena = enrol(
                    api,
                    "{\"firstName\": \"Elena\", \"email\": \"elena." + unique()
                            + "@example.com\", \"preferredChannel\": \"EMAIL\", \"consents\": {\"marketingEmail\": true},"
                            + " \"enrolmentChannel\": \"WEB\"}");
            String newsletter = send(api, elena, "{\"template\": \"Ciao {firstName}, 5 EUR per te\"}");
            await(api, elena, m -> m.getString("messageId").equals(newsletter) && is(m, "SENT"));
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getMessageID()).isEqualTo("<" + newsletter + "@loyalty>");
            String unsubscribe = mail.getHeader("List-Unsubscribe", null).replaceAll("[<>]", "");
            assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            URI link = URI.create(unsubscribe);
            String address = link.getRawPath() + "?" + link.getRawQuery();
            // a mail scanner fetching the link withdraws nothing: the page asks to confirm
            Api.Reply page = api.getAccepting(address, "text/html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<form method=\"post\"").contains("marketing e-mails");
            assertThat(api.get("/api/v1/customers/" + elena, Api.admin())
                            .json()
                            .getJsonObject("consents")
                            .getBoolean("marketingEmail"))
                    .isTrue();
            Api.Reply confirmed = api.send("POST", address, null, null, null);
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            JsonObject consents =
                    api.get("/api/v1/customers/" + elena, Api.admin()).json().getJsonObject("consents");
            assertThat(consents.getBoolean("marketingEmail")).isFalse();
            String after = send(api, elena, "{\"template\": \"Ancora offerte\"}");
            JsonObject suppressed =
                    await(api, elena, m -> m.getString("messageId").equals(after) && is(m, "SUPPRESSED"));
            assertThat(suppressed.getString("reason")).contains("no consent MARKETING_EMAIL");

            // the SMS gateway is down: connection refused, then 500s, then time-outs
            List<String> customers = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String customer = enrol(
                        api,
                        "{\"firstName\": \"Marco\", \"phone\": \"" + Fixtures.uniquePhone()
                                + "\", \"preferredChannel\": \"SMS\", \"consents\": {\"marketingSms\": true},"
                                + " \"enrolmentChannel\": \"STORE\", \"storeId\": \"MI-001\"}");
                customers.add(customer);
                messages.add(send(
                        api,
                        customer,
                        "{\"template\": \"Il tuo coupon {couponCode}\", \"values\": {\"couponCode\": \"K7P2QX9M4\"},"
                                + " \"transactional\": true}"));
            }
            for (String customer : customers) {
                await(api, customer, m -> history(m).stream().anyMatch(h -> h.contains("unreachable")));
            }
            twilio.mode(FakeTwilio.Mode.FAIL_500);
            twilio.start();
            awaitTrue(() -> twilio.requests.size() >= 8, "500s answered");
            twilio.mode(FakeTwilio.Mode.HANG);
            int before = twilio.requests.size();
            awaitTrue(() -> twilio.requests.size() >= before + 4, "time-outs");
            for (String customer : customers) {
                assertThat(api.get("/api/v1/customers/" + customer + "/messages", Api.admin())
                                .body())
                        .doesNotContain("\"SENT\"");
            }
            twilio.mode(FakeTwilio.Mode.ACCEPT);
            for (int i = 0; i < customers.size(); i++) {
                String id = messages.get(i);
                JsonObject sent = await(
                        api, customers.get(i), m -> m.getString("messageId").equals(id) && is(m, "SENT"));
                assertThat(sent.getInt("attempts")).isGreaterThanOrEqualTo(3);
                assertThat(history(sent))
                        .anyMatch(h -> h.contains("unreachable"))
                        .anyMatch(h -> h.contains("HTTP 500"));
            }
            awaitQuiet();
            assertThat(twilio.deliveries)
                    .as("each message reached a phone once")
                    .containsExactlyInAnyOrderElementsOf(messages);
            for (String id : messages) {
                assertThat(twilio.requests.stream().filter(r -> id.equals(r.token()) && r.accepted()))
                        .as("accepted once")
                        .hasSize(1);
            }
            FakeTwilio.Request request = twilio.requests.stream()
                    .filter(FakeTwilio.Request::accepted)
                    .findFirst()
                    .orElseThrow();
            assertThat(request.form())
                    .containsEntry("From", "+15005550006")
                    .containsEntry("Body", "Il tuo coupon K7P2QX9M4");
            assertThat(request.form().get("To")).startsWith("+3934");

            // the service dies after Twilio accepted a message, before it wrote so
            twilio.mode(FakeTwilio.Mode.ACCEPT_THEN_HOLD);
            String crashed =
                    send(api, customers.get(0), "{\"template\": \"Grazie {firstName}\", \"transactional\": true}");
            assertThat(twilio.acceptedAndHolding.await(30, TimeUnit.SECONDS)).isTrue();
            first.kill();
            twilio.release();
            twilio.mode(FakeTwilio.Mode.ACCEPT);
            try (ServiceProcess second =
                    ServiceProcess.start(JAR, httpPort, work.resolve("b"), work.resolve("b.log"), env)) {
                second.awaitReady();
                JsonObject sent = await(
                        second.api(),
                        customers.get(0),
                        m -> m.getString("messageId").equals(crashed) && is(m, "SENT"));
                assertThat(history(sent).stream().filter(h -> h.startsWith("ATTEMPT")))
                        .as("tried again after the restart")
                        .hasSizeGreaterThanOrEqualTo(2);
                assertThat(twilio.requestsWithToken(crashed))
                        .as("sent again under the same idempotency token")
                        .isGreaterThanOrEqualTo(2);
                assertThat(twilio.deliveriesOf(crashed))
                        .as("but it reached the phone once")
                        .isEqualTo(1);
                second.stop();
            }
        } finally {
            smtp.stop();
        }
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String enrol(Api api, String body) {
        Api.Reply reply = api.post("/api/v1/customers", Api.admin(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("customerId");
    }

    static String send(Api api, String customer, String body) {
        Api.Reply reply = api.post("/api/v1/customers/" + customer + "/messages", Api.admin(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("messageId");
    }

    static boolean is(JsonObject message, String status) {
        return status.equals(message.getString("status"));
    }

    static List<String> history(JsonObject message) {
        return message.getJsonArray("history").stream()
                .map(JsonValue::asJsonObject)
                .map(h -> h.getString("status") + " " + h.getString("detail", ""))
                .toList();
    }

    /** Waits (at most a minute) for one of the customer's messages to match. */
    static JsonObject await(Api api, String customer, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/v1/customers/" + customer + "/messages", Api.admin());
            last = reply.body();
            if (reply.status() == 200) {
                for (JsonValue value : jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))
                        .readArray()) {
                    if (condition.test(value.asJsonObject())) {
                        return value.asJsonObject();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no message of " + customer + " came to that within a minute: " + last);
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a minute: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Lets in-flight retries (if any were wrongly left) show up before counting. */
    static void awaitQuiet() throws InterruptedException {
        Thread.sleep(2_000);
    }
}
