package dev.loyalty.adapters.messaging.push;

import dev.loyalty.application.messaging.GatewayException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one way the push package talks to Google: a POST with a 10 s timeout whose network failure or
 * interruption is a retryable {@link GatewayException} naming only the party and the exception's
 * class (never a token), and an answer read as a JSON object when it is one.
 */
final class PushHttp {

    static final JsonProvider JSON = JsonProvider.provider();

    private PushHttp() {}

    /**
     * @param party who is called, for the failure's text (e.g. "push provider")
     * @param headers name, value, name, value...
     */
    static HttpResponse<String> post(HttpClient http, URI uri, String body, String party, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException(party + " unreachable: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while calling the " + party, true, e);
        }
    }

    /** @return the answer as a JSON object, or an empty one when it is not one */
    static JsonObject object(String answer) {
        try (JsonReader reader = JSON.createReader(new StringReader(answer))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
