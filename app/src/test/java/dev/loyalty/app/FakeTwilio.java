package dev.loyalty.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server speaking the shape of Twilio's {@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}: form-encoded {@code To}, {@code From}, {@code Body},
 * basic auth, 201 with a message resource whose {@code sid} it made, 401 without the right
 * credentials, 400 without {@code To}. Like Twilio it honours {@code I-Twilio-Idempotency-Token}:
 * a repeated token gets the first message back and nothing is sent again. It can be made to fail
 * (500), to hang (a time-out), or to accept and then hold its answer (so that the sender can be
 * killed in between).
 */
final class FakeTwilio implements AutoCloseable {

    enum Mode {
        ACCEPT,
        FAIL_500,
        HANG,
        ACCEPT_THEN_HOLD
    }

    /** One request received. */
    record Request(String token, Map<String, String> form, String authorization, boolean accepted) {}

    private final String accountSid;
    private final String authorization;
    private final int port;
    private HttpServer server;
    private volatile Mode mode = Mode.ACCEPT;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** The messages sent to phones: one per idempotency token. */
    final Map<String, String> sidByToken = new ConcurrentHashMap<>();
    /** The token of each message sent to a phone, once per sending: a repeated token sends nothing. */
    final List<String> deliveries = new CopyOnWriteArrayList<>();

    volatile CountDownLatch acceptedAndHolding = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    FakeTwilio(int port, String accountSid, String authToken) {
        this.port = port;
        this.accountSid = accountSid;
        this.authorization = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    FakeTwilio start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    void mode(Mode mode) {
        if (mode == Mode.ACCEPT_THEN_HOLD) {
            acceptedAndHolding = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }
        this.mode = mode;
    }

    void release() {
        release.countDown();
    }

    long deliveriesOf(String token) {
        return deliveries.stream().filter(token::equals).count();
    }

    long requestsWithToken(String token) {
        return requests.stream().filter(r -> token.equals(r.token())).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            String token = exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Mode now = mode;
            boolean shaped = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI()
                            .getPath()
                            .equals("/2010-04-01/Accounts/" + accountSid + "/Messages.json")
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                            .startsWith("application/x-www-form-urlencoded");
            if (!authorization.equals(auth)) {
                requests.add(new Request(token, form, auth, false));
                answer(exchange, 401, "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}");
                return;
            }
            if (!shaped || form.get("To") == null || form.get("Body") == null || form.get("From") == null) {
                requests.add(new Request(token, form, auth, false));
                answer(exchange, 400, "{\"code\": 21604, \"message\": \"A 'To' phone number is required.\"}");
                return;
            }
            switch (now) {
                case FAIL_500 -> {
                    requests.add(new Request(token, form, auth, false));
                    answer(exchange, 500, "{\"code\": 20500, \"message\": \"Internal Server Error\"}");
                }
                case HANG -> {
                    requests.add(new Request(token, form, auth, false));
                    sleep(5_000);
                    answer(exchange, 500, "{}");
                }
                case ACCEPT, ACCEPT_THEN_HOLD -> {
                    String sid = sidByToken.computeIfAbsent(
                            token == null ? UUID.randomUUID().toString() : token, t -> {
                                deliveries.add(t);
                                return "SM" + UUID.randomUUID().toString().replace("-", "");
                            });
                    requests.add(new Request(token, form, auth, true));
                    if (now == Mode.ACCEPT_THEN_HOLD && acceptedAndHolding.getCount() > 0) {
                        acceptedAndHolding.countDown();
                        await(release);
                    }
                    answer(
                            exchange,
                            201,
                            "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + accountSid
                                    + "\", \"status\": \"queued\", \"num_segments\": \"1\"}");
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
