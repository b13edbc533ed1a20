package dev.loyalty.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service's HTTP API on 127.0.0.1, over HTTP/1.1 with kept-alive connections (one client
 * shared by all threads: the JDK pools its connections). Every request has a timeout.
 */
final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;

    Api(int port) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code GET path} with an optional bearer token ({@code null}: none). */
    Response get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).GET();
        return send(request.build());
    }

    /** {@code POST path} of a JSON body, with an optional {@code Idempotency-Key} ({@code null}: none). */
    Response post(String path, String token, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A request with its own timeout (a long administrative call), JSON body or none. */
    Response send(String method, String path, String token, String json, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    /** {@code POST path} of a file, streamed from disk, with its media type. */
    Response postFile(String path, String token, java.nio.file.Path file, String mediaType, Duration timeout)
            throws IOException, InterruptedException {
        return send(request(path, token)
                .timeout(timeout)
                .header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build());
    }

    /** {@code GET path} with a token ({@code null}: none). */
    Response get(String path, String token, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, token).timeout(timeout).GET().build());
    }

    /** {@code GET path} as Prometheus text ({@code /metrics} answers JSON to {@code Accept: application/json}). */
    Response getText(String path, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "text/plain")
                .GET()
                .build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body the body as text
     */
    record Response(int status, String body) {

        /** The body cut to a length that fits a diagnostic line. */
        String shortBody() {
            String flat = body.replaceAll("\\s+", " ");
            return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
        }
    }
}
