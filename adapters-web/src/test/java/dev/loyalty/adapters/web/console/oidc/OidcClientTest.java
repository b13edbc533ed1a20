package dev.loyalty.adapters.web.console.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code flow against a small OpenID provider on the loopback (discovery document, JWKS, token
 * endpoint checking the client's secret, the code and the PKCE verifier), which signs ID tokens as
 * each test asks.
 */
class OidcClientTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

    HttpServer server;
    String issuer;
    /** the provider's key and one it does not publish, made once (RSA key generation is slow) */
    static KeyPair providerKey;

    static KeyPair otherKey;
    /** what the token endpoint signs next: claims and the key */
    Map<String, Object> claims = new HashMap<>();

    KeyPair signWith;
    String expectedChallenge;
    String issuedCode = "the-code";
    int tokenCalls;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        providerKey = rsa.generateKeyPair();
        otherKey = rsa.generateKeyPair();
    }

    @BeforeEach
    void startTheProvider() throws Exception {
        signWith = providerKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/shop";
        server.createContext(
                "/realms/shop/.well-known/openid-configuration",
                x -> answer(
                        x,
                        200,
                        """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/certs", "response_types_supported": ["code"]}"""
                                .formatted(issuer)));
        server.createContext("/realms/shop/certs", x -> {
            RSAPublicKey key = (RSAPublicKey) providerKey.getPublic();
            answer(
                    x,
                    200,
                    """
                    {"keys": [{"kty": "EC", "kid": "ec-1", "crv": "P-256", "x": "AA", "y": "AA"},
                              {"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                            .formatted(
                                    URL64.encodeToString(
                                            unsigned(key.getModulus().toByteArray())),
                                    URL64.encodeToString(
                                            unsigned(key.getPublicExponent().toByteArray()))));
        });
        server.createContext("/realms/shop/token", this::token);
        server.start();
        claims.put("iss", issuer);
        claims.put("aud", "console");
        claims.put("sub", "maria.rossi");
        claims.put("exp", NOW.plusSeconds(300).getEpochSecond());
        claims.put("groups", "[\"admin\", \"marketing\"]");
    }

    @AfterEach
    void stopTheProvider() {
        server.stop(0);
    }

    private void token(HttpExchange x) throws IOException {
        tokenCalls++;
        Map<String, String> form = Arrays.stream(
                        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        String basic = "Basic " + Base64.getEncoder().encodeToString("console:s3cret".getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        if (!issuedCode.equals(form.get("code"))
                || !"authorization_code".equals(form.get("grant_type"))
                || !OidcClient.challenge(form.get("code_verifier")).equals(expectedChallenge)
                || !"https://shop.example/admin/oidc/callback".equals(form.get("redirect_uri"))) {
            answer(x, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        answer(
                x,
                200,
                "{\"access_token\": \"opaque\", \"token_type\": \"Bearer\", \"id_token\": \"" + idToken() + "\"}");
    }

    private String idToken() {
        try {
            String header = URL64.encodeToString(
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
            String body = URL64.encodeToString(claims.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":"
                            + (e.getValue() instanceof String s && !s.startsWith("[") ? "\"" + s + "\"" : e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"))
                    .getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signWith.getPrivate());
            signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + URL64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private OidcClient client(String secret) {
        OidcSettings settings = OidcSettings.of(
                        Optional.of(issuer),
                        Optional.of("console"),
                        Optional.of(secret),
                        Optional.of("https://shop.example/admin/oidc/callback"),
                        Optional.empty())
                .orElseThrow();
        return new OidcClient(settings, HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Starts a sign-in as the browser would, and returns the code's exchange. */
    private OidcClient.SignedIn signIn(OidcClient client, String nonceAtProvider) throws Exception {
        String verifier = OidcClient.randomValue();
        URI authorization = client.authorization("st", "n-1", verifier);
        Map<String, String> query = Arrays.stream(authorization.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(authorization.toString()).startsWith(issuer + "/auth?");
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "console")
                .containsEntry("state", "st")
                .containsEntry("nonce", "n-1")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "https://shop.example/admin/oidc/callback");
        assertThat(query.get("scope")).contains("openid");
        expectedChallenge = query.get("code_challenge");
        claims.put("nonce", nonceAtProvider);
        return client.signIn(issuedCode, verifier, "n-1");
    }

    @Test
    void anAdministratorSignsInWithTheCodeAndTheIdTokenCarriesTheRoles() throws Exception {
        OidcClient.SignedIn signedIn = signIn(client("s3cret"), "n-1");

        assertThat(signedIn.subject()).isEqualTo("maria.rossi");
        assertThat(signedIn.roles()).containsExactly("admin", "marketing");
        assertThat(signedIn.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(signedIn.idToken()).hasSize(idToken().length());
    }

    @Test
    void rolesMayComeAsOneStringInAClaimOfTheProvidersChoosing() throws Exception {
        OidcSettings settings = OidcSettings.of(
                        Optional.of(issuer),
                        Optional.of("console"),
                        Optional.of("s3cret"),
                        Optional.of("https://shop.example/admin/oidc/callback"),
                        Optional.of("roles"))
                .orElseThrow();
        OidcClient client = new OidcClient(settings, HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));
        claims.put("roles", "admin support");

        assertThat(signIn(client, "n-1").roles()).containsExactly("admin", "support");
    }

    @Test
    void aTokenOfAnotherSignInAnotherClientAnotherIssuerOrOutOfDateIsRefused() {
        assertThatThrownBy(() -> signIn(client("s3cret"), "replayed")).hasMessageContaining("nonce");
        claims.put("aud", "[\"someone-else\"]");
        assertThatThrownBy(() -> signIn(client("s3cret"), "n-1")).hasMessageContaining("not for this client");
        claims.put("aud", "[\"someone-else\", \"console\"]");
        claims.put("iss", "http://127.0.0.1:1/realms/other");
        assertThatThrownBy(() -> signIn(client("s3cret"), "n-1")).hasMessageContaining("another issuer");
        claims.put("iss", issuer);
        claims.put("exp", NOW.minusSeconds(120).getEpochSecond());
        assertThatThrownBy(() -> signIn(client("s3cret"), "n-1")).hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedByAKeyTheProviderDoesNotPublishIsRefused() {
        signWith = otherKey;
        assertThatThrownBy(() -> signIn(client("s3cret"), "n-1")).hasMessageContaining("signature");
    }

    @Test
    void aWrongSecretOrCodeIsRefusedByTheTokenEndpoint() {
        assertThatThrownBy(() -> signIn(client("wrong"), "n-1")).hasMessageContaining("HTTP 401");
        issuedCode = "another-code";
        assertThatThrownBy(() -> client("s3cret").signIn("the-code", "v", "n-1"))
                .hasMessageContaining("HTTP 400");
        assertThat(tokenCalls).isEqualTo(2);
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerOrNoProviderAtAllIsRefused() {
        OidcClient wrongIssuer = new OidcClient(
                new OidcSettings(
                        issuer + "x",
                        "console",
                        "s3cret",
                        URI.create("https://shop.example/admin/oidc/callback"),
                        "groups"),
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        assertThatThrownBy(wrongIssuer::discover).hasMessageContaining("HTTP 404");
        server.stop(0);
        assertThatThrownBy(client("s3cret")::discover).hasMessageContaining("could not be reached");
    }

    @Test
    void settingsAreCompleteOrRefusedWithOneLineNamingTheSetting() {
        assertThat(OidcSettings.of(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isEmpty();
        assertThatThrownBy(() -> OidcSettings.of(
                        Optional.of("https://id.example"),
                        Optional.of("c"),
                        Optional.empty(),
                        Optional.of("https://shop.example/admin/oidc/callback"),
                        Optional.empty()))
                .hasMessageStartingWith("LOYALTY_OIDC_CLIENT_SECRET is not set");
        assertThatThrownBy(() -> OidcSettings.of(
                        Optional.of("http://id.example"),
                        Optional.of("c"),
                        Optional.of("s"),
                        Optional.of("https://shop.example/admin/oidc/callback"),
                        Optional.empty()))
                .hasMessageStartingWith("LOYALTY_OIDC_ISSUER must be an https URL");
        assertThatThrownBy(() -> OidcSettings.of(
                        Optional.of("https://id.example"),
                        Optional.of("c"),
                        Optional.of("s"),
                        Optional.of("https://shop.example/elsewhere"),
                        Optional.empty()))
                .hasMessageStartingWith("LOYALTY_OIDC_REDIRECT_URI must be this service's /admin/oidc/callback");
    }
}
