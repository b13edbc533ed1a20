package dev.loyalty.app;

import static dev.loyalty.app.MessagingIT.await;
import static dev.loyalty.app.MessagingIT.history;
import static dev.loyalty.app.MessagingIT.is;
import static dev.loyalty.app.MessagingIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service ({@code loyalty.jar}) pushing to the app through FCM HTTP v1 with a service account,
 * against a local server answering like Google's token endpoint and FCM ({@link FakeGoogle}): the
 * app registers two devices of a customer who reads German; a push reaches both in German, with an
 * access token obtained by a signed assertion; the tablet is unregistered and forgotten; after the
 * first token's (short) life the service exchanges a new assertion before FCM would refuse the old
 * token, and keeps the new one. Neither the device tokens nor the access tokens reach the log.
 */
class PushIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));
    static final String CLIENT_EMAIL = "loyalty-push@shop-push.iam.gserviceaccount.com";
    /** The first token lives 10 s (so it is replaced after 5 s); the next ones an hour. */
    static final List<Long> LIFETIMES = List.of(10L, 3600L);

    @Test
    void pushesReachTheCustomersDevicesInTheirLanguageWithAnAccessTokenReplacedBeforeItExpires() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair account = generator.generateKeyPair();
        int googlePort = ServiceProcess.freePort();
        int httpPort = ServiceProcess.freePort();
        Path work = JAR.getParent().resolve("push-it");
        String phone = "dPhone" + UUID.randomUUID().toString().replace("-", "") + ":APA91bPhone";
        String tablet = "dTablet" + UUID.randomUUID().toString().replace("-", "") + ":APA91bTablet";
        Files.createDirectories(work);
        try (FakeGoogle google = new FakeGoogle(googlePort, account.getPublic(), CLIENT_EMAIL, LIFETIMES)) {
            Path keyFile = work.resolve("service-account.json");
            Files.writeString(
                    keyFile,
                    Json.createObjectBuilder()
                            .add("type", "service_account")
                            .add("project_id", "shop-push")
                            .add("private_key_id", "fake-key-1")
                            .add(
                                    "private_key",
                                    "-----BEGIN PRIVATE KEY-----\n"
                                            + Base64.getMimeEncoder()
                                                    .encodeToString(
                                                            account.getPrivate().getEncoded())
                                            + "\n-----END PRIVATE KEY-----\n")
                            .add("client_email", CLIENT_EMAIL)
                            .add("token_uri", google.tokenUri())
                            .build()
                            .toString());
            Map<String, String> env = ServiceProcess.sharedDatabaseEnv();
            env.putAll(Map.of(
                    "LOYALTY_PUSH_PROVIDER", "fcm",
                    "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE", keyFile.toString(),
                    "LOYALTY_PUSH_FCM_BASE_URL", google.baseUrl(),
                    "LOYALTY_MESSAGING_RETRY_FIRST_DELAY_MS", "200",
                    "LOYALTY_MESSAGING_RETRY_MAX_DELAY_MS", "1000"));
            Path log = work.resolve("service.log");
            try (ServiceProcess service = ServiceProcess.start(JAR, httpPort, work.resolve("data"), log, env)) {
                service.awaitReady();
                Api api = service.api();
                String templates = "/api/v1/message-templates/push-news-"
                        + UUID.randomUUID().toString().substring(0, 8);
                for (String[] t : new String[][] {
                    {"de", "Neu für {firstName}", "Hallo {firstName}, dein Gutschein wartet"},
                    {"it", "Novità per {firstName}", "Ciao {firstName}, il tuo buono ti aspetta"},
                    {"en", "News for {firstName}", "Hi {firstName}, your voucher is waiting"}
                }) {
                    Api.Reply saved = api.send(
                            "PUT",
                            templates + "/" + t[0],
                            Api.admin(),
                            "application/json",
                            Json.createObjectBuilder()
                                    .add("subject", t[1])
                                    .add("body", t[2])
                                    .build()
                                    .toString());
                    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
                }
                String template = "@" + templates.substring(templates.lastIndexOf('/') + 1);
                Api.Reply enrolled = api.post(
                        "/api/v1/customers",
                        Api.admin(),
                        "{\"firstName\": \"Giulia\", \"preferredChannel\": \"PUSH\", \"language\": \"de-AT\","
                                + " \"consents\": {\"marketingPush\": true}, \"enrolmentChannel\": \"APP\"}");
                assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
                String giulia = enrolled.json().getString("customerId");
                for (String device : List.of(phone, tablet)) {
                    Api.Reply registered = api.send(
                            "PUT",
                            "/api/v1/me/devices/" + device,
                            Api.customer(giulia),
                            "application/json",
                            "{\"platform\": \"ANDROID\", \"language\": \"de-AT\", \"appVersion\": \"4.2.0\"}");
                    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
                }
                google.unregistered.add(tablet);

                // the first push: an assertion exchanged for a token, a copy to each device, in German
                String first = send(api, giulia, "{\"template\": \"" + template + "\", \"transactional\": true}");
                var sent = await(api, giulia, m -> m.getString("messageId").equals(first) && is(m, "SENT"));
                assertThat(google.exchanges).singleElement().satisfies(e -> {
                    assertThat(e.signatureValid())
                            .as("signed with the service account's key")
                            .isTrue();
                    assertThat(e.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
                    assertThat(e.claims().getString("iss")).isEqualTo(CLIENT_EMAIL);
                    assertThat(e.claims().getString("scope")).isEqualTo(FakeGoogle.SCOPE);
                    assertThat(e.issued()).isEqualTo("ya29.fake-1");
                });
                assertThat(google.sends).hasSize(2).allSatisfy(s -> {
                    assertThat(s.path()).isEqualTo("/v1/projects/shop-push/messages:send");
                    assertThat(s.bearer()).isEqualTo("ya29.fake-1");
                    assertThat(s.message().getJsonObject("notification").getString("title"))
                            .isEqualTo("Neu für Giulia");
                    assertThat(s.message().getJsonObject("notification").getString("body"))
                            .isEqualTo("Hallo Giulia, dein Gutschein wartet");
                    assertThat(s.message().getJsonObject("data").getString("messageId"))
                            .isEqualTo(first);
                });
                assertThat(google.sends.stream().map(s -> s.message().getString("token")))
                        .containsExactlyInAnyOrder(phone, tablet);
                assertThat(google.sends.stream().filter(s -> s.status() == 404)).hasSize(1);

                // the tablet is unregistered: forgotten, and said so without its token
                assertThat(Api.count("SELECT COUNT(*) FROM customer_device WHERE token = '" + tablet + "'"))
                        .isZero();
                assertThat(Api.count("SELECT COUNT(*) FROM customer_device WHERE token = '" + phone + "'"))
                        .isEqualTo(1);
                var withHistory = await(
                        api,
                        giulia,
                        m -> m.getString("messageId").equals(first)
                                && history(m).stream().anyMatch(h -> h.startsWith("DEVICE_GONE")));
                assertThat(history(withHistory).toString())
                        .doesNotContain(tablet)
                        .contains("...Tablet");

                // past half the first token's life: a new assertion, a new token, before FCM would refuse the old one
                Instant replaceAfter = google.exchanges.get(0).at().plusSeconds(5);
                while (Instant.now().isBefore(replaceAfter.plusMillis(500))) {
                    Thread.sleep(100);
                }
                String second = send(api, giulia, "{\"template\": \"" + template + "\", \"transactional\": true}");
                await(api, giulia, m -> m.getString("messageId").equals(second) && is(m, "SENT"));
                String third = send(api, giulia, "{\"template\": \"" + template + "\", \"transactional\": true}");
                await(api, giulia, m -> m.getString("messageId").equals(third) && is(m, "SENT"));

                assertThat(google.exchanges).hasSize(2);
                assertThat(google.exchanges.get(1).signatureValid()).isTrue();
                assertThat(google.exchanges.get(1).claims().getJsonNumber("iat").longValue())
                        .as("a new assertion")
                        .isGreaterThan(google.exchanges
                                .get(0)
                                .claims()
                                .getJsonNumber("iat")
                                .longValue());
                List<FakeGoogle.Send> later = google.sends.subList(2, google.sends.size());
                assertThat(later)
                        .as("the phone only, with the new token, kept for the third push")
                        .hasSize(2)
                        .allSatisfy(s -> {
                            assertThat(s.message().getString("token")).isEqualTo(phone);
                            assertThat(s.bearer()).isEqualTo("ya29.fake-2");
                            assertThat(s.status()).isEqualTo(200);
                        });
                assertThat(google.sends).noneMatch(s -> s.status() == 401);

                // unregistered by the app: no device left, push is no channel
                Api.Reply signedOut =
                        api.send("DELETE", "/api/v1/me/devices/" + phone, Api.customer(giulia), null, null);
                assertThat(signedOut.status()).isEqualTo(204);
                String fourth = send(
                        api,
                        giulia,
                        "{\"template\": \"" + template + "\", \"channel\": \"PUSH\", \"transactional\": true}");
                var suppressed =
                        await(api, giulia, m -> m.getString("messageId").equals(fourth) && is(m, "SUPPRESSED"));
                assertThat(suppressed.getString("reason")).contains("PUSH: no app device registered");
                assertThat(google.sends).hasSize(4);

                service.stop();
            }
            String output = Files.readString(log);
            assertThat(output)
                    .as("device tokens never logged")
                    .doesNotContain(phone)
                    .doesNotContain(tablet);
            assertThat(output).as("access tokens never logged").doesNotContain("ya29.fake");
            assertThat(output).contains("FCM access token obtained for project shop-push");
        }
    }
}
