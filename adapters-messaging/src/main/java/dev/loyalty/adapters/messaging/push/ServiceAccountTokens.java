package dev.loyalty.adapters.messaging.push;

import dev.loyalty.application.messaging.GatewayException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * OAuth 2 access tokens for FCM from a service account (Google's "JWT bearer" flow, RFC 7523): a
 * JWT assertion signed with the account's private key (RS256; {@code iss} the account, {@code
 * scope} FCM's, {@code aud} the token endpoint, one hour) is exchanged at the key file's {@code
 * token_uri} for an access token, which is kept and handed out until shortly before it expires -
 * {@value #MARGIN_SECONDS} s before, or half its life for a short-lived one - and then replaced.
 * One exchange at a time (callers wait for it). Neither the assertion nor the token is ever
 * logged; a failed exchange is a retryable {@link GatewayException} naming the HTTP status and
 * OAuth error code only.
 */
public final class ServiceAccountTokens implements AccessTokens {

    /** The scope FCM's HTTP v1 API needs. */
    public static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** The grant type of a JWT assertion. */
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** How long before its expiry a token is replaced. */
    static final long MARGIN_SECONDS = 300;

    /** How long an assertion is valid (Google's maximum). */
    static final Duration ASSERTION_LIFE = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(ServiceAccountTokens.class.getName());
    private static final JsonProvider JSON = PushHttp.JSON;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ServiceAccountKey key;
    private final HttpClient http;
    private final Clock clock;

    private String current;
    private Instant renewAt = Instant.MIN;

    /**
     * @param key the service account
     * @param http the client the exchange goes through
     * @param clock the clock expiry is judged by
     */
    public ServiceAccountTokens(ServiceAccountKey key, HttpClient http, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String token() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            exchange(now);
        }
        return current;
    }

    @Override
    public synchronized void rejected(String token) {
        if (token != null && token.equals(current)) {
            current = null;
        }
    }

    /** @return the signed assertion for the exchange at {@code now} */
    String assertion(Instant now) {
        JsonObject header =
                JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        if (key.privateKeyId().isPresent()) {
            header = JSON.createObjectBuilder(header)
                    .add("kid", key.privateKeyId().get())
                    .build();
        }
        JsonObject claims = JSON.createObjectBuilder()
                .add("iss", key.clientEmail())
                .add("scope", SCOPE)
                .add("aud", key.tokenUri().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(ASSERTION_LIFE).getEpochSecond())
                .build();
        String signingInput = base64url(header.toString()) + "." + base64url(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new GatewayException("cannot sign the service account assertion", true, e);
        }
    }

    private void exchange(Instant now) {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
        HttpResponse<String> response = PushHttp.post(
                http,
                key.tokenUri(),
                form,
                "token endpoint",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Accept",
                "application/json");
        JsonObject answer = PushHttp.object(response.body());
        if (response.statusCode() != 200) {
            throw new GatewayException(
                    "the token endpoint answered HTTP " + response.statusCode()
                            + string(answer, "error").map(e -> " " + e).orElse(""),
                    true);
        }
        String token = string(answer, "access_token")
                .orElseThrow(() -> new GatewayException("the token endpoint answered no access_token", true));
        long expiresIn = answer.get("expires_in") instanceof JsonNumber number ? number.longValue() : 3600;
        if (expiresIn <= 0) {
            throw new GatewayException("the token endpoint answered a token already expired", true);
        }
        long margin = Math.min(MARGIN_SECONDS, expiresIn / 2);
        current = token;
        renewAt = now.plusSeconds(expiresIn - margin);
        LOG.info(() -> "FCM access token obtained for project " + key.projectId() + ", valid " + expiresIn
                + " s, replaced after " + (expiresIn - margin) + " s");
    }

    private static java.util.Optional<String> string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s && !s.getString().isBlank()
                ? java.util.Optional.of(s.getString())
                : java.util.Optional.empty();
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
