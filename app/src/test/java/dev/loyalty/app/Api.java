package dev.loyalty.app;

import dev.loyalty.launcher.DevKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tests' client of the running service over loopback HTTP, its token minting (the test key
 * pair the deployed service trusts) and a look into the test database.
 */
final class Api {

    static final String ISSUER = "loyalty-it";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    private Api(String base) {
        this.base = base;
    }

    static Api service() {
        return new Api("http://127.0.0.1:" + System.getProperty("loyalty.it.http.port"));
    }

    static Api at(int port) {
        return new Api("http://127.0.0.1:" + port);
    }

    static DevKeys keys() {
        return new DevKeys(Path.of(System.getProperty("loyalty.it.keys")));
    }

    /** Creates the key pair before the service starts (it reads the public key at start). */
    static void prepareKeys() {
        keys().publicKeyFile();
    }

    static String admin() {
        return token("admin", "console-user", null);
    }

    static String terminal(String storeId) {
        return token("terminal", "till-" + storeId, storeId);
    }

    static String integration() {
        return token("integration", "website", null);
    }

    static String customer(String customerId) {
        return token("customer", customerId, null);
    }

    /** An integration whose token names its stores and channels (claims store_ids, channels). */
    static String scopedIntegration(String subject, List<String> stores, List<String> channels) {
        Map<String, List<String>> claims = new java.util.LinkedHashMap<>();
        if (!stores.isEmpty()) {
            claims.put("store_ids", stores);
        }
        if (!channels.isEmpty()) {
            claims.put("channels", channels);
        }
        return keys().mint(ISSUER, "integration", subject, null, Duration.ofMinutes(30), claims);
    }

    static String token(String role, String subject, String storeId) {
        return keys().mint(ISSUER, role, subject, storeId, Duration.ofMinutes(30));
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    /**
     * Asks /health/ready until it says 200, at most a minute: a deployed service may report not
     * ready for a moment (its database check pings with a 2 s timeout while the JVM is still busy
     * compiling its start-up).
     *
     * @return the last answer (200, or what it still said after a minute)
     */
    Reply awaitReady() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        Reply ready = get("/health/ready", null);
        while (ready.status() != 200 && System.nanoTime() < until) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ready;
            }
            ready = get("/health/ready", null);
        }
        return ready;
    }

    /** The body of {@code path} asked for as JSON (the OpenAPI document defaults to YAML). */
    String getAcceptingJson(String path) {
        return getAccepting(path, "application/json").body();
    }

    Reply getAccepting(String path, String mediaType) {
        // Payara builds the OpenAPI document on its first request: 34 s with the load average at 25
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(180))
                .header("Accept", mediaType)
                .GET());
    }

    /** A GET with a token, asking for {@code mediaType} only. */
    Reply getAccepting(String path, String token, String mediaType) {
        return send(request(path, token).setHeader("Accept", mediaType).GET());
    }

    Reply post(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST that may take long (a till's batch under load): up to five minutes. */
    Reply postLong(String path, String token, String json) {
        return send(request(path, token)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with an {@code Idempotency-Key}. */
    Reply post(String path, String token, String json, String idempotencyKey) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = request(path, token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends {@code body} without a token, with these extra headers (a signature). */
    Reply sendWithHeaders(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, null).header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request.method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts {@code prefix} then {@code filler} bytes of spaces chunked, without a Content-Length
     * (as a client streaming its body does).
     */
    Reply postChunked(String path, String token, String contentType, String prefix, long filler) {
        return sendChunked("POST", path, token, contentType, prefix, filler);
    }

    /** {@link #postChunked} with any method. */
    Reply sendChunked(String method, String path, String token, String contentType, String prefix, long filler) {
        byte[] head = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(request(path, token)
                .header("Content-Type", contentType)
                .method(
                        method,
                        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                                new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
                                    private long left = filler;

                                    @Override
                                    public int read() {
                                        return left-- > 0 ? ' ' : -1;
                                    }

                                    @Override
                                    public int read(byte[] buffer, int offset, int length) {
                                        if (left <= 0) {
                                            return -1;
                                        }
                                        int n = (int) Math.min(length, left);
                                        java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                                        left -= n;
                                        return n;
                                    }
                                }))));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A single number the test database answers to {@code sql}. */
    static long count(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single text value the test database answers to {@code sql}. */
    static String one(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on the test database (to set up rows no endpoint writes yet). */
    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, media type, Location, whether it is a replay, and body. */
    record Reply(int status, String contentType, String location, boolean replayed, String body, String retryAfter) {

        Reply(int status, String contentType, String location, boolean replayed, String body) {
            this(status, contentType, location, replayed, body, null);
        }

        JsonObject json() {
            JsonStructure structure = Json.createReader(new StringReader(body)).read();
            return structure.asJsonObject();
        }

        /** @return the objects of a list answered as a JSON array or as {@code {items: [...]}} */
        java.util.List<JsonObject> items() {
            JsonStructure structure = Json.createReader(new StringReader(body)).read();
            return (structure instanceof jakarta.json.JsonArray array
                            ? array
                            : structure.asJsonObject().getJsonArray("items"))
                    .getValuesAs(JsonObject.class);
        }

        boolean isProblem(String code) {
            return contentType.startsWith("application/problem+json") && code.equals(json().getString("code", null));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
