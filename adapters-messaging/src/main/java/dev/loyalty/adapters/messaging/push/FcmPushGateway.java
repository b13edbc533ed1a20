package dev.loyalty.adapters.messaging.push;

import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends push notifications as FCM HTTP v1 messages: {@code POST
 * {base}/v1/projects/{project}/messages:send} with a bearer token and {@code {"message": {"topic":
 * "customer-<id>", "notification": {"title", "body"}, "data": {"messageId"}}}} - the app subscribes
 * to its customer's topic, so no device token is kept here. 2xx is accepted (the provider id is
 * the {@code name} FCM returns); 429, 5xx and network failures are tried again, 401/403 too (an
 * expired token is replaced by configuration); other 4xx are permanent. FCM has no idempotency key:
 * the stable id travels in {@code data.messageId} for the app to drop a repeat.
 */
public final class FcmPushGateway implements MessageGateway {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The longest provider id kept. */
    private static final int MAX_NAME = 200;

    private final HttpClient http;
    private final URI endpoint;
    private final String accessToken;

    /**
     * @param baseUrl e.g. {@code https://fcm.googleapis.com}
     * @param projectId the project
     * @param accessToken an OAuth 2 access token for the FCM scope
     */
    public FcmPushGateway(String baseUrl, String projectId, String accessToken) {
        this.endpoint = URI.create(
                baseUrl.replaceAll("/+$", "") + "/v1/projects/" + Objects.requireNonNull(projectId) + "/messages:send");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(message)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException(
                    "push provider unreachable: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while sending", true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Accepted(name(response.body()).orElse("fcm-" + message.id()), "fcm");
        }
        boolean retryable = status == 429 || status >= 500 || status == 401 || status == 403;
        throw new GatewayException("push provider answered HTTP " + status, retryable);
    }

    /** The FCM v1 request body. */
    static String body(OutgoingMessage message) {
        return JSON.createObjectBuilder()
                .add(
                        "message",
                        JSON.createObjectBuilder()
                                .add("topic", message.address())
                                .add(
                                        "notification",
                                        JSON.createObjectBuilder()
                                                .add("title", message.subject())
                                                .add("body", message.text()))
                                .add(
                                        "data",
                                        JSON.createObjectBuilder()
                                                .add("messageId", message.id().toString())))
                .build()
                .toString();
    }

    /** The {@code name} FCM gave the message, if its answer has a plausible one. */
    private static Optional<String> name(String answer) {
        try (JsonReader reader = JSON.createReader(new StringReader(answer))) {
            return Optional.ofNullable(reader.readObject().getString("name", null))
                    .filter(name -> !name.isEmpty() && name.length() <= MAX_NAME);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
