package dev.loyalty.adapters.web.console.oidc;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The authorization code flow with one OpenID provider: its discovery document, the authorization
 * request (state, nonce, PKCE S256), the code's exchange at the token endpoint (client secret by
 * basic auth) and the ID token's check - RS256 signature by a key of the provider's JWKS, issuer,
 * audience, expiry (a minute's leeway) and nonce. Nothing of a token is logged.
 */
public final class OidcClient {

    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL64_DECODER = Base64.getUrlDecoder();

    private final OidcSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private volatile Provider provider;
    private volatile Map<String, PublicKey> keys = Map.of();

    public OidcClient(OidcSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** What the provider's discovery document names. */
    record Provider(URI authorization, URI token, URI jwks) {}

    /**
     * A signed-in administrator.
     *
     * @param idToken the ID token, the console's bearer token
     * @param subject its {@code sub}
     * @param roles the roles claim's values
     * @param expiresAt its {@code exp}
     */
    public record SignedIn(String idToken, String subject, List<String> roles, Instant expiresAt) {}

    /** A sign-in that failed: the message says why, without any token in it. */
    public static final class OidcException extends Exception {
        private static final long serialVersionUID = 1L;

        OidcException(String message) {
            super(message);
        }

        OidcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return a fresh random value for state, nonce or a PKCE verifier */
    public static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL64.encodeToString(bytes);
    }

    /** @return the PKCE S256 challenge of a verifier */
    static String challenge(String verifier) {
        try {
            return URL64.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return where to send the browser to sign in */
    public URI authorization(String state, String nonce, String verifier) throws OidcException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String base = provider().authorization().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
    }

    /** Exchanges the code for tokens and checks the ID token. */
    public SignedIn signIn(String code, String verifier, String nonce) throws OidcException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.redirectUri().toString());
        body.put("code_verifier", verifier);
        String basic = Base64.getEncoder()
                .encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(provider().token())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(body))));
        if (response.statusCode() != 200) {
            throw new OidcException("the token endpoint refused the code: HTTP " + response.statusCode());
        }
        JsonObject tokens = json(response.body(), "the token endpoint's answer");
        if (!(tokens.get("id_token") instanceof JsonString idToken)) {
            throw new OidcException("the token endpoint's answer has no id_token");
        }
        return verify(idToken.getString(), nonce);
    }

    /** Checks an ID token: signature, issuer, audience, expiry and nonce. */
    SignedIn verify(String idToken, String nonce) throws OidcException {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new OidcException("the ID token is not a signed JWT");
        }
        JsonObject header = json(decode(parts[0]), "the ID token's header");
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw new OidcException("the ID token is not signed with RS256");
        }
        PublicKey key = key(header.getString("kid", ""));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(URL64_DECODER.decode(parts[2]))) {
                throw new OidcException("the ID token's signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new OidcException("the ID token's signature does not verify", e);
        }
        JsonObject claims = json(decode(parts[1]), "the ID token's claims");
        if (!settings.issuer().equals(claims.getString("iss", "").replaceAll("/+$", ""))) {
            throw new OidcException("the ID token is of another issuer");
        }
        if (!audiences(claims.get("aud")).contains(settings.clientId())) {
            throw new OidcException("the ID token is not for this client");
        }
        Instant now = clock.instant();
        if (!(claims.get("exp") instanceof jakarta.json.JsonNumber exp)
                || Instant.ofEpochSecond(exp.longValue()).isBefore(now.minus(LEEWAY))) {
            throw new OidcException("the ID token has expired");
        }
        if (!nonce.equals(claims.getString("nonce", ""))) {
            throw new OidcException("the ID token's nonce is not this sign-in's");
        }
        return new SignedIn(
                idToken,
                claims.getString("sub", ""),
                roles(claims.get(settings.rolesClaim())),
                Instant.ofEpochSecond(exp.longValue()));
    }

    private static List<String> audiences(JsonValue aud) {
        if (aud instanceof JsonString one) {
            return List.of(one.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }

    /** The roles claim: an array of strings, or one string of roles separated by spaces or commas. */
    static List<String> roles(JsonValue claim) {
        if (claim instanceof JsonArray many) {
            return many.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        if (claim instanceof JsonString one) {
            return List.of(one.getString().split("[\\s,]+")).stream()
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return List.of();
    }

    private PublicKey key(String kid) throws OidcException {
        PublicKey key = pick(keys, kid);
        if (key == null) {
            // keys rotate: read the JWKS again once for a key not seen yet
            keys = jwks();
            key = pick(keys, kid);
        }
        if (key == null) {
            throw new OidcException("the ID token is signed by a key the provider does not publish");
        }
        return key;
    }

    private static PublicKey pick(Map<String, PublicKey> keys, String kid) {
        if (!kid.isEmpty()) {
            return keys.get(kid);
        }
        return keys.size() == 1 ? keys.values().iterator().next() : null;
    }

    private Map<String, PublicKey> jwks() throws OidcException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(provider().jwks())
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET());
        if (response.statusCode() != 200) {
            throw new OidcException("the provider's JWKS answered HTTP " + response.statusCode());
        }
        JsonObject set = json(response.body(), "the provider's JWKS");
        Map<String, PublicKey> found = new LinkedHashMap<>();
        for (JsonValue value : set.getJsonArray("keys") == null ? List.<JsonValue>of() : set.getJsonArray("keys")) {
            if (!(value instanceof JsonObject jwk) || !"RSA".equals(jwk.getString("kty", ""))) {
                continue;
            }
            if (!jwk.getString("use", "sig").equals("sig")) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, URL64_DECODER.decode(jwk.getString("n")));
                BigInteger e = new BigInteger(1, URL64_DECODER.decode(jwk.getString("e")));
                found.put(
                        jwk.getString("kid", ""),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // a key this client cannot use is skipped; the token's own key must verify
            }
        }
        return Map.copyOf(found);
    }

    private Provider provider() throws OidcException {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        URI discovery = URI.create(settings.issuer() + "/.well-known/openid-configuration");
        HttpResponse<String> response = send(HttpRequest.newBuilder(discovery)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET());
        if (response.statusCode() != 200) {
            throw new OidcException("the provider's discovery document answered HTTP " + response.statusCode());
        }
        JsonObject document = json(response.body(), "the provider's discovery document");
        if (!settings.issuer().equals(document.getString("issuer", "").replaceAll("/+$", ""))) {
            throw new OidcException("the discovery document names another issuer than LOYALTY_OIDC_ISSUER");
        }
        try {
            known = new Provider(
                    URI.create(document.getString("authorization_endpoint")),
                    URI.create(document.getString("token_endpoint")),
                    URI.create(document.getString("jwks_uri")));
        } catch (RuntimeException e) {
            throw new OidcException("the discovery document lacks an endpoint (authorization, token or jwks_uri)", e);
        }
        provider = known;
        return known;
    }

    /** Reads the discovery document now: a provider that cannot be reached is told at start. */
    public void discover() throws OidcException {
        provider();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws OidcException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OidcException(
                    "the identity provider could not be reached: "
                            + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("interrupted while calling the identity provider", e);
        }
    }

    private static JsonObject json(String text, String what) throws OidcException {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new OidcException(what + " is not a JSON object", e);
        }
    }

    private static String decode(String part) throws OidcException {
        try {
            return new String(URL64_DECODER.decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OidcException("the ID token is not base64url", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** @return the settings this client signs in with */
    public OidcSettings settings() {
        return settings;
    }
}
