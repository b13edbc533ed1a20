package dev.loyalty.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The service's phase: terminals sending purchases of random baskets for random enrolled
 * customers, one in five with a fresh bearer code, each with its own {@code Idempotency-Key} and
 * receipt. When the jar has no {@code POST /purchases} yet (404 or 405 to a probe), the same
 * baskets go to {@code POST /checkouts/quote} instead, and the report says so loudly.
 */
final class LoadPhase {

    /** The endpoint measured and the status that counts as success. */
    enum Endpoint {
        PURCHASES("/api/v1/purchases", 201),
        QUOTE("/api/v1/checkouts/quote", 200);

        final String path;
        final int success;

        Endpoint(String path, int success) {
            this.path = path;
            this.success = success;
        }
    }

    private LoadPhase() {}

    /**
     * Sends one real purchase (no coupon) to find out which endpoint can be measured; if it is the
     * quote, checks that the quote answers 200.
     */
    static Endpoint probe(Api api, Tokens tokens, Fixture fixture, String runId, PrintStream out)
            throws IOException, InterruptedException {
        Basket basket = Basket.random(new SplittableRandom(1), null);
        String customer = fixture.customerIds().get(0);
        Api.Response purchase = api.post(
                Endpoint.PURCHASES.path,
                tokens.terminal(),
                basket.purchaseJson(Tokens.STORE, runId + "-probe", Instant.now(), customer),
                UUID.randomUUID().toString());
        if (purchase.status() == Endpoint.PURCHASES.success) {
            out.println("  probe: POST /api/v1/purchases answered 201: " + purchase.shortBody());
            return Endpoint.PURCHASES;
        }
        boolean missing = purchase.status() == 405
                || (purchase.status() == 404
                        && Json.string(purchase.body(), "code")
                                .map("not-found"::equals)
                                .orElse(true));
        if (!missing) {
            out.println("  !!! probe: POST /api/v1/purchases answered " + purchase.status() + " (measuring it anyway): "
                    + purchase.shortBody());
            return Endpoint.PURCHASES;
        }
        Api.Response quote =
                api.post(Endpoint.QUOTE.path, tokens.terminal(), basket.quoteJson(Tokens.STORE, customer), null);
        if (quote.status() != Endpoint.QUOTE.success) {
            throw new IllegalStateException("neither POST /api/v1/purchases (" + purchase.status()
                    + ") nor the quote fallback (" + quote.status() + ": " + quote.shortBody() + ") works");
        }
        out.println();
        out.println("  !!! POST /api/v1/purchases is not in this jar (" + purchase.status() + " "
                + Json.string(purchase.body(), "code").orElse("") + ").");
        out.println("  !!! MEASURING THE FALLBACK POST /api/v1/checkouts/quote INSTEAD (read-only, no idempotency).");
        out.println();
        return Endpoint.QUOTE;
    }

    /** One client per thread, each with its own random stream. */
    static List<Client> clients(
            int count, Api api, Tokens tokens, Fixture fixture, Endpoint endpoint, CouponPool coupons, String runId) {
        List<Client> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(new Terminal(i, api, tokens.terminal(), fixture.customerIds(), endpoint, coupons, runId));
        }
        return clients;
    }

    /**
     * Clients that read {@code path} with {@code token} one request after the other, each
     * answered 200 a success: the ceiling of the HTTP, token and JSON layers without the purchase.
     */
    static List<Client> readers(int count, Api api, String token, String path) {
        List<Client> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(tally -> {
                Api.Response response = api.get(path, token);
                if (response.status() == 200) {
                    return true;
                }
                tally.failure(String.valueOf(response.status()), response.shortBody());
                return false;
            });
        }
        return clients;
    }

    /** A till sending one basket after the other. */
    private static final class Terminal implements Client {
        private final int index;
        private final Api api;
        private final String token;
        private final List<String> customers;
        private final Endpoint endpoint;
        private final CouponPool coupons;
        private final String runId;
        private final SplittableRandom random;
        private long sequence;

        Terminal(
                int index,
                Api api,
                String token,
                List<String> customers,
                Endpoint endpoint,
                CouponPool coupons,
                String runId) {
            this.index = index;
            this.api = api;
            this.token = token;
            this.customers = customers;
            this.endpoint = endpoint;
            this.coupons = coupons;
            this.runId = runId;
            this.random = new SplittableRandom(1_000L + index);
        }

        @Override
        public boolean perform(Tally tally) throws IOException, InterruptedException {
            long n = sequence++;
            Basket basket = Basket.random(random, n % 5 == 0 ? coupons.take() : null);
            String customer = customers.get(random.nextInt(customers.size()));
            Api.Response response = endpoint == Endpoint.PURCHASES
                    ? api.post(
                            endpoint.path,
                            token,
                            basket.purchaseJson(Tokens.STORE, runId + "-s" + index + "-" + n, Instant.now(), customer),
                            UUID.randomUUID().toString())
                    : api.post(endpoint.path, token, basket.quoteJson(Tokens.STORE, customer), null);
            if (response.status() == endpoint.success) {
                return true;
            }
            tally.failure(String.valueOf(response.status()), response.shortBody());
            return false;
        }
    }
}
