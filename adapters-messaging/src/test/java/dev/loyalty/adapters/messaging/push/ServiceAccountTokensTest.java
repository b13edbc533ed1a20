package dev.loyalty.adapters.messaging.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.loyalty.application.messaging.GatewayException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service account's assertion (checked with the account's public key) and the access tokens
 * obtained with it from a local server answering like Google's token endpoint, kept until shortly
 * before expiry.
 */
class ServiceAccountTokensTest {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    final TestServiceAccount account = new TestServiceAccount();
    final MutableClock clock = new MutableClock(T0);
    final List<Map<String, String>> exchanges = new CopyOnWriteArrayList<>();
    final AtomicInteger issued = new AtomicInteger();
    final AtomicLong expiresIn = new AtomicLong(3600);
    final AtomicReference<String> refusal = new AtomicReference<>();
    HttpServer server;
    ServiceAccountKey key;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            form.put("content-type", exchange.getRequestHeaders().getFirst("Content-Type"));
            exchanges.add(form);
            String body;
            int status;
            if (refusal.get() != null) {
                status = 400;
                body = "{\"error\": \"" + refusal.get() + "\", \"error_description\": \"Invalid JWT Signature.\"}";
            } else {
                status = 200;
                body = "{\"access_token\": \"ya29.token-" + issued.incrementAndGet() + "\", \"expires_in\": "
                        + expiresIn.get() + ", \"token_type\": \"Bearer\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        key = ServiceAccountKey.read(
                account.write(dir, "http://127.0.0.1:" + server.getAddress().getPort() + "/token"), "KEY_FILE");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ServiceAccountTokens tokens() {
        return new ServiceAccountTokens(key, FcmPushGateway.client(), clock);
    }

    @Test
    void theAssertionIsAnRs256JwtOfTheAccountForFcmsScopeThatItsPublicKeyVerifies() throws Exception {
        String assertion = tokens().assertion(T0);

        String[] parts = assertion.split("\\.");
        assertThat(parts).hasSize(3);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(account.keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("signed with the account's private key")
                .isTrue();
        JsonObject header = json(parts[0]);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("typ")).isEqualTo("JWT");
        assertThat(header.getString("kid")).isEqualTo("0123456789abcdef");
        JsonObject claims = json(parts[1]);
        assertThat(claims.getString("iss")).isEqualTo(TestServiceAccount.CLIENT_EMAIL);
        assertThat(claims.getString("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.getString("aud")).isEqualTo(key.tokenUri().toString());
        assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(T0.getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(T0.getEpochSecond() + 3600);

        // another key does not verify it
        Signature other = Signature.getInstance("SHA256withRSA");
        other.initVerify(new TestServiceAccount().keys.getPublic());
        other.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(other.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    @Test
    void theTokenIsExchangedOnceKeptAndReplacedFiveMinutesBeforeItExpires() throws Exception {
        ServiceAccountTokens tokens = tokens();

        assertThat(tokens.token()).isEqualTo("ya29.token-1");
        assertThat(exchanges).singleElement().satisfies(form -> {
            assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
            assertThat(form.get("content-type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(verifies(form.get("assertion"))).isTrue();
        });
        clock.advance(Duration.ofSeconds(3600 - 300 - 1));
        assertThat(tokens.token()).as("kept while it has more than 5 minutes").isEqualTo("ya29.token-1");
        assertThat(exchanges).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).as("replaced 5 minutes before expiry").isEqualTo("ya29.token-2");
        assertThat(tokens.token()).isEqualTo("ya29.token-2");
        assertThat(exchanges).hasSize(2);
        assertThat(json(exchanges.get(1).get("assertion").split("\\.")[1])
                        .getJsonNumber("iat")
                        .longValue())
                .as("a new assertion, of the time of the exchange")
                .isEqualTo(T0.plusSeconds(3300).getEpochSecond());
    }

    @Test
    void aShortLivedTokenIsReplacedAtHalfItsLife() {
        expiresIn.set(20);
        ServiceAccountTokens tokens = tokens();

        assertThat(tokens.token()).isEqualTo("ya29.token-1");
        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens.token()).isEqualTo("ya29.token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("ya29.token-2");
    }

    @Test
    void aTokenTheProviderRefusedIsNotHandedOutAgain() {
        ServiceAccountTokens tokens = tokens();
        String first = tokens.token();

        tokens.rejected("ya29.some-older-token");
        assertThat(tokens.token()).as("another token's refusal changes nothing").isEqualTo(first);
        tokens.rejected(first);

        assertThat(tokens.token()).isEqualTo("ya29.token-2");
    }

    @Test
    void aRefusedExchangeIsARetryableFailureThatNamesTheErrorAndNoSecret() {
        refusal.set("invalid_grant");

        assertThatThrownBy(() -> tokens().token()).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage())
                    .isEqualTo("the token endpoint answered HTTP 400 invalid_grant")
                    .doesNotContain(TestServiceAccount.CLIENT_EMAIL);
        });
        server.stop(0);
        assertThatThrownBy(() -> tokens().token())
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isTrue());
    }

    private boolean verifies(String assertion) throws Exception {
        String[] parts = assertion.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(account.keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    static JsonObject json(String base64url) {
        return Json.createReader(
                        new StringReader(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))
                .readObject();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
