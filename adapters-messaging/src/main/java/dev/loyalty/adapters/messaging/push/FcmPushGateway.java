package dev.loyalty.adapters.messaging.push;

import dev.loyalty.application.messaging.AddressGoneException;
import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends push notifications as FCM HTTP v1 messages: {@code POST
 * {base}/v1/projects/{project}/messages:send} with a service account's bearer token and {@code
 * {"message": {"token": <device>, "notification": {"title", "body"}, "data": {"messageId"}}}}, one
 * request per device (the message's address is the device's registration token). 2xx is accepted
 * (the provider id is the {@code name} FCM returns); 404 with FCM's error code {@code UNREGISTERED}
 * means the device is gone ({@link AddressGoneException}: it is forgotten); 429, 5xx and network
 * failures are tried again, 401 too after handing the token back (the next attempt gets a new
 * one), and 403; other 4xx (a 404 without {@code UNREGISTERED}, e.g. a wrong project) are
 * permanent. FCM has no idempotency key: the stable id travels in {@code data.messageId} for the
 * app to drop a repeat. Logs and failures never carry the device token or the access token.
 */
public final class FcmPushGateway implements MessageGateway {

    private static final JsonProvider JSON = PushHttp.JSON;

    /** The longest provider id kept. */
    private static final int MAX_NAME = 200;

    private final HttpClient http;
    private final URI endpoint;
    private final AccessTokens tokens;

    /**
     * @param http the client (shared with the token exchange)
     * @param baseUrl e.g. {@code https://fcm.googleapis.com}
     * @param projectId the project
     * @param tokens where bearer tokens for the FCM scope come from
     */
    public FcmPushGateway(HttpClient http, String baseUrl, String projectId, AccessTokens tokens) {
        this.endpoint = URI.create(
                baseUrl.replaceAll("/+$", "") + "/v1/projects/" + Objects.requireNonNull(projectId) + "/messages:send");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** @return the HTTP client a gateway and its token exchange share */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        String accessToken = tokens.token();
        HttpResponse<String> response = PushHttp.post(
                http,
                endpoint,
                body(message),
                "push provider",
                "Authorization",
                "Bearer " + accessToken,
                "Content-Type",
                "application/json; charset=UTF-8");
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Accepted(name(response.body()).orElse("fcm-" + message.id()), "fcm");
        }
        Optional<String> errorCode = errorCode(response.body());
        if (status == 404 && errorCode.filter("UNREGISTERED"::equals).isPresent()) {
            throw new AddressGoneException("push provider answered HTTP 404 UNREGISTERED");
        }
        if (status == 401) {
            tokens.rejected(accessToken);
        }
        boolean retryable = status == 429 || status >= 500 || status == 401 || status == 403;
        throw new GatewayException(
                "push provider answered HTTP " + status
                        + errorCode.map(c -> " " + c).orElse(""),
                retryable);
    }

    /**
     * @return FCM's error code ({@code error.details[].errorCode}), else the error's status ({@code
     *     error.status}), if the answer has one of a plausible shape
     */
    static Optional<String> errorCode(String answer) {
        try {
            JsonObject error = PushHttp.object(answer).getJsonObject("error");
            if (error == null) {
                return Optional.empty();
            }
            Optional<String> code = Optional.empty();
            JsonArray details = error.getJsonArray("details");
            if (details != null) {
                code = details.stream()
                        .filter(d -> d instanceof JsonObject)
                        .map(d -> ((JsonObject) d).getString("errorCode", null))
                        .filter(Objects::nonNull)
                        .findFirst();
            }
            return code.or(() -> Optional.ofNullable(error.getString("status", null)))
                    .filter(c -> c.matches("[A-Z_]{1,40}"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The FCM v1 request body. */
    static String body(OutgoingMessage message) {
        return JSON.createObjectBuilder()
                .add(
                        "message",
                        JSON.createObjectBuilder()
                                .add("token", message.address())
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
        try {
            return Optional.ofNullable(PushHttp.object(answer).getString("name", null))
                    .filter(name -> !name.isEmpty() && name.length() <= MAX_NAME);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
