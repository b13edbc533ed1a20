package dev.loyalty.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The data the load needs, made through the service's own API: customers enrolled at the
 * benchmark's store by a few concurrent terminals, a 5 EUR coupon template and its bearer codes
 * (at most 10,000 per call). Any unexpected answer fails the set-up with the service's body.
 */
final class Setup {

    private static final int MAX_CODES_PER_CALL = 10_000;

    private final Api api;
    private final Tokens tokens;
    private final PrintStream out;
    private final Map<String, String> cardsById = new ConcurrentHashMap<>();

    Setup(Api api, Tokens tokens, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.out = out;
    }

    /** Enrols the customers, defines the template and issues both batches of codes. */
    Fixture prepare(int customers, int couponsPerPhase, int parallelism) throws Exception {
        List<String> ids = enrolCustomers(customers, parallelism);
        long started = System.nanoTime();
        String template = defineTemplate();
        List<String> serviceCodes = issue(template, couponsPerPhase);
        List<String> baselineCodes = issue(template, couponsPerPhase);
        List<String> cards = ids.stream().map(cardsById::get).toList();
        out.printf(
                "  coupon template %s, %d + %d bearer codes issued in %.1f s%n",
                template, serviceCodes.size(), baselineCodes.size(), (System.nanoTime() - started) / 1e9);
        return new Fixture(ids, cards, template, serviceCodes, baselineCodes);
    }

    /** Enrols the customers at the benchmark's store and says how long it took. */
    List<String> enrolCustomers(int customers, int parallelism) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        List<String> ids = enrol(customers, parallelism);
        out.printf("  enrolled %d customers in %.1f s%n", ids.size(), (System.nanoTime() - started) / 1e9);
        return ids;
    }

    private List<String> enrol(int customers, int parallelism) throws InterruptedException, ExecutionException {
        int threads = Math.max(1, Math.min(parallelism, customers));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "bench-enrol");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Callable<List<String>>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                slices.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = first; i < customers; i += threads) {
                        ids.add(enrolOne(i));
                    }
                    return ids;
                });
            }
            List<Future<List<String>>> results = pool.invokeAll(slices, 5, TimeUnit.MINUTES);
            List<String> ids = new ArrayList<>(customers);
            for (Future<List<String>> result : results) {
                if (result.isCancelled()) {
                    throw new IllegalStateException("enrolment did not finish within 5 minutes");
                }
                ids.addAll(result.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private String enrolOne(int i) throws IOException, InterruptedException {
        String body =
                "{\"firstName\":\"Bench\",\"email\":\"bench-" + i + "@example.test\",\"preferredChannel\":\"NONE\","
                        + "\"consents\":{\"marketingEmail\":false,\"marketingSms\":false,\"marketingPush\":false,"
                        + "\"profiling\":false},\"enrolmentChannel\":\"STORE\",\"storeId\":\"" + Tokens.STORE + "\"}";
        Api.Response response = api.post("/api/v1/customers", tokens.terminal(), body, null);
        String id = expect(response, 201, "customerId", "POST /api/v1/customers");
        cardsById.put(id, expect(response, 201, "cardNumber", "POST /api/v1/customers"));
        return id;
    }

    /** Defines the 5 EUR template (store and online, valid 30 days from issue) and returns its id. */
    String defineTemplate() throws IOException, InterruptedException {
        String body = "{\"name\":\"Bench 5 off\",\"discount\":{\"type\":\"AMOUNT_OFF\",\"value\":" + Basket.COUPON_VALUE
                + "},\"channels\":[\"STORE\",\"ONLINE\"],\"validDays\":30}";
        Api.Response response = api.post("/api/v1/coupon-templates", tokens.admin(), body, null);
        return expect(response, 201, "templateId", "POST /api/v1/coupon-templates");
    }

    /** Issues {@code count} more bearer codes of the template. */
    List<String> issue(String template, int count) throws IOException, InterruptedException {
        List<String> codes = new ArrayList<>(count);
        int attempts = 0;
        while (codes.size() < count) {
            int batch = Math.min(MAX_CODES_PER_CALL, count - codes.size());
            Api.Response response = api.post(
                    "/api/v1/coupon-templates/" + template + "/issue",
                    tokens.admin(),
                    "{\"count\":" + batch + "}",
                    null);
            // 409 coupon-code-collision: a generated code was taken; the service says to send again.
            if (response.status() == 409 && ++attempts <= 3) {
                continue;
            }
            if (response.status() != 201) {
                throw new IllegalStateException(
                        "issuing " + batch + " codes answered " + response.status() + ": " + response.shortBody());
            }
            List<String> issued = Json.strings(response.body(), "codes");
            if (issued.size() != batch) {
                throw new IllegalStateException("asked for " + batch + " codes, got " + issued.size());
            }
            codes.addAll(issued);
        }
        return codes;
    }

    /** The field of a response that must have the given status; anything else fails the set-up. */
    static String expect(Api.Response response, int status, String field, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    what + " answered " + response.status() + " instead of " + status + ": " + response.shortBody());
        }
        return Json.string(response.body(), field)
                .orElseThrow(() ->
                        new IllegalStateException(what + " answered without " + field + ": " + response.shortBody()));
    }
}
