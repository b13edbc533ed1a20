package dev.loyalty.adapters.messaging.push;

import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]{1,200})\"");

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
            Matcher name = NAME.matcher(response.body());
            return new Accepted(name.find() ? name.group(1) : "fcm-" + message.id(), "fcm");
        }
        boolean retryable = status == 429 || status >= 500 || status == 401 || status == 403;
        throw new GatewayException("push provider answered HTTP " + status, retryable);
    }

    /** The FCM v1 request body. */
    static String body(OutgoingMessage message) {
        return "{\"message\":{\"topic\":" + json(message.address()) + ",\"notification\":{\"title\":"
                + json(message.subject()) + ",\"body\":" + json(message.text()) + "},\"data\":{\"messageId\":"
                + json(message.id().toString()) + "}}}";
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
