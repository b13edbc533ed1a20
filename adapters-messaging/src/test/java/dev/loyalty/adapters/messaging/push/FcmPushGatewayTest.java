package dev.loyalty.adapters.messaging.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
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
                            : "{\"error\": {\"code\": " + status.get() + "}}")
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
        return new FcmPushGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/", "shop", "ya29.token");
    }

    static OutgoingMessage push() {
        CustomerId customer = CustomerId.newId();
        return new OutgoingMessage(
                UUID.randomUUID(),
                customer,
                Channel.PUSH,
                MessageKind.MARKETING,
                "customer-" + customer,
                "Novità",
                "Il tuo \"coupon\"\nti aspetta",
                Optional.empty());
    }

    @Test
    void postsAnFcmV1MessageToTheCustomersTopic() {
        OutgoingMessage message = push();

        var accepted = gateway().send(message);

        assertThat(accepted.providerId()).isEqualTo("projects/shop/messages/0:1500415314455276%31bd1c9631bd1c96");
        assertThat(paths).containsExactly("POST /v1/projects/shop/messages:send");
        assertThat(authorizations).containsExactly("Bearer ya29.token");
        JsonObject sent =
                Json.createReader(new StringReader(bodies.get(0))).readObject().getJsonObject("message");
        assertThat(sent.getString("topic")).isEqualTo(message.address());
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
    void anUnreachableProviderIsRetried() {
        server.stop(0);
        assertThatThrownBy(() -> gateway().send(push()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
