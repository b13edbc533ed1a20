package dev.loyalty.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server answering like Google for FCM: {@code POST /token} as the OAuth 2 token endpoint
 * (a JWT bearer assertion, checked with the service account's public key for issuer, audience,
 * scope and signature, answered with a new access token and its {@code expires_in}), and {@code
 * POST /v1/projects/{project}/messages:send} as FCM HTTP v1 (a known, unexpired bearer token, else
 * 401; a device token it was told is unregistered, 404 {@code NOT_FOUND} with {@code UNREGISTERED};
 * else 200 with the message's {@code name}).
 */
final class FakeGoogle implements AutoCloseable {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** One assertion exchanged. */
    record Exchange(Instant at, String grantType, boolean signatureValid, JsonObject claims, String issued) {}

    /** One FCM send received. */
    record Send(Instant at, String path, String bearer, JsonObject message, int status) {}

    private final HttpServer server;
    private final PublicKey accountKey;
    private final String clientEmail;
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();
    /** How long each token issued is valid, in order; the last one repeats. */
    private final List<Long> lifetimes;

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    final List<Send> sends = new CopyOnWriteArrayList<>();
    final Set<String> unregistered = ConcurrentHashMap.newKeySet();

    FakeGoogle(int port, PublicKey accountKey, String clientEmail, List<Long> lifetimes) throws IOException {
        this.accountKey = accountKey;
        this.clientEmail = clientEmail;
        this.lifetimes = List.copyOf(lifetimes);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/token", this::token);
        server.createContext("/v1/", this::send);
        server.start();
    }

    String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String assertion = form.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.");
        boolean valid = false;
        JsonObject claims = JsonObject.EMPTY_JSON_OBJECT;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(accountKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            valid = verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
            claims = Json.createReader(new StringReader(
                            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (Exception e) {
            valid = false;
        }
        boolean accepted = valid
                && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                && clientEmail.equals(claims.getString("iss", ""))
                && tokenUri().equals(claims.getString("aud", ""))
                && SCOPE.equals(claims.getString("scope", ""));
        if (!accepted) {
            exchanges.add(new Exchange(Instant.now(), form.get("grant_type"), valid, claims, null));
            answer(exchange, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT.\"}");
            return;
        }
        int n = issued.incrementAndGet();
        long lifetime = lifetimes.get(Math.min(n, lifetimes.size()) - 1);
        String token = "ya29.fake-" + n;
        validUntil.put(token, Instant.now().plusSeconds(lifetime));
        exchanges.add(new Exchange(Instant.now(), form.get("grant_type"), true, claims, token));
        answer(
                exchange,
                200,
                "{\"access_token\": \"" + token + "\", \"expires_in\": " + lifetime + ", \"token_type\": \"Bearer\"}");
    }

    private void send(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                .replace("Bearer ", "");
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject()
                    .getJsonObject("message");
        } catch (RuntimeException e) {
            answer(exchange, 400, "{\"error\": {\"code\": 400, \"status\": \"INVALID_ARGUMENT\"}}");
            return;
        }
        Instant until = validUntil.get(bearer);
        int status;
        String body;
        if (until == null || !Instant.now().isBefore(until)) {
            status = 401;
            body = "{\"error\": {\"code\": 401, \"status\": \"UNAUTHENTICATED\"}}";
        } else if (unregistered.contains(message.getString("token", ""))) {
            status = 404;
            body = "{\"error\": {\"code\": 404, \"message\": \"Requested entity was not found.\", \"status\":"
                    + " \"NOT_FOUND\", \"details\": [{\"@type\": \"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                    + " \"errorCode\": \"UNREGISTERED\"}]}}";
        } else {
            status = 200;
            body = "{\"name\": \"projects/shop-push/messages/0:" + System.nanoTime() + "\"}";
        }
        sends.add(new Send(Instant.now(), path, bearer, message, status));
        answer(exchange, status, body);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
