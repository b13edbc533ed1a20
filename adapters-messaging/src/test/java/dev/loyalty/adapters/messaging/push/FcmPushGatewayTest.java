package dev.loyalty.adapters.messaging.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.loyalty.application.messaging.AddressGoneException;
import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.OutgoingMessage;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MessageKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push gateway against a local HTTP server answering like FCM's HTTP v1 messages:send. */
class FcmPushGatewayTest {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final java.util.concurrent.atomic.AtomicReference<String> error =
            new java.util.concurrent.atomic.AtomicReference<>();
    final List<String> rejected = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (status.get() == 200
                            ? "{\"name\": \"projects/shop/messages/0:1500415314455276%31bd1c9631bd1c96\"}"
                            : error.get() != null ? error.get() : "{\"error\": {\"code\": " + status.get() + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    FcmPushGateway gateway() {
        return new FcmPushGateway(
                FcmPushGateway.client(),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "shop",
                new AccessTokens() {
                    @Override
                    public String token() {
                        return "ya29.token";
                    }

                    @Override
                    public void rejected(String token) {
                        rejected.add(token);
                    }
                });
    }

    static OutgoingMessage push() {
        CustomerId customer = CustomerId.newId();
        return new OutgoingMessage(
                UUID.randomUUID(),
                customer,
                Channel.PUSH,
                MessageKind.MARKETING,
                "fHq3-x7:APA91bE_k2h0JQ1z0mLr9u8dP3sVgN4yQwT7cK1aZbXo",
                "Novità",
                "Il tuo \"coupon\"\nti aspetta",
                Optional.empty());
    }

    @Test
    void postsAnFcmV1MessageToTheDevice() {
        OutgoingMessage message = push();

        var accepted = gateway().send(message);

        assertThat(accepted.providerId()).isEqualTo("projects/shop/messages/0:1500415314455276%31bd1c9631bd1c96");
        assertThat(paths).containsExactly("POST /v1/projects/shop/messages:send");
        assertThat(authorizations).containsExactly("Bearer ya29.token");
        JsonObject sent =
                Json.createReader(new StringReader(bodies.get(0))).readObject().getJsonObject("message");
        assertThat(sent.getString("token")).isEqualTo(message.address());
        assertThat(sent.containsKey("topic")).isFalse();
        assertThat(sent.getJsonObject("notification").getString("title")).isEqualTo("Novità");
        assertThat(sent.getJsonObject("notification").getString("body")).isEqualTo("Il tuo \"coupon\"\nti aspetta");
        assertThat(sent.getJsonObject("data").getString("messageId"))
                .isEqualTo(message.id().toString());
    }

    @Test
    void serverErrorsAreRetriedAndBadRequestsAreNot() {
        status.set(503);
        assertThatThrownBy(() -> gateway().send(push()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isTrue());
        status.set(400);
        assertThatThrownBy(() -> gateway().send(push()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void anUnregisteredDeviceIsGoneAndAnother404IsOnlyPermanent() {
        status.set(404);
        error.set("{\"error\": {\"code\": 404, \"message\": \"Requested entity was not found.\","
                + " \"status\": \"NOT_FOUND\", \"details\": [{\"@type\":"
                + " \"type.googleapis.com/google.firebase.fcm.v1.FcmError\", \"errorCode\": \"UNREGISTERED\"}]}}");
        assertThatThrownBy(() -> gateway().send(push())).isInstanceOfSatisfying(AddressGoneException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("push provider answered HTTP 404 UNREGISTERED");
        });

        // a wrong project is a 404 too: permanent, but no device is forgotten for it
        error.set("{\"error\": {\"code\": 404, \"status\": \"NOT_FOUND\"}}");
        assertThatThrownBy(() -> gateway().send(push())).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e).isNotInstanceOf(AddressGoneException.class);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("push provider answered HTTP 404 NOT_FOUND");
        });
        error.set("<html>not found</html>");
        assertThatThrownBy(() -> gateway().send(push())).isNotInstanceOf(AddressGoneException.class);
    }

    @Test
    void aRefusedAccessTokenIsHandedBackAndTheMessageTriedAgain() {
        status.set(401);
        error.set("{\"error\": {\"code\": 401, \"status\": \"UNAUTHENTICATED\"}}");

        assertThatThrownBy(() -> gateway().send(push())).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain("ya29");
        });
        assertThat(rejected).containsExactly("ya29.token");
    }

    @Test
    void anUnreachableProviderIsRetried() {
        server.stop(0);
        assertThatThrownBy(() -> gateway().send(push()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
