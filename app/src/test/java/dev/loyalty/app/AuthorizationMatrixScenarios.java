package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.launcher.DevKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation of {@code GET /openapi} (issue 17, "Proof"): each
 * operation is called with every kind of caller - no token, an expired token, one signed by another
 * key, of another issuer, for another audience, each role, a terminal of another store, a customer
 * on another customer's objects, an integration scoped to other stores - and each answer is
 * compared with the one table {@code authorization-matrix.txt} (test resources), which says what
 * every cell must be. An operation the document lists and the table does not, or a row for an
 * operation that no longer exists, fails. Run by {@code ServiceIT.AuthorizationMatrix}.
 */
abstract class AuthorizationMatrixScenarios {

    static final String TABLE = "authorization-matrix.txt";

    /** The columns of the table, in its order. */
    enum Caller {
        NONE("none"),
        EXPIRED("expired"),
        WRONG_KEY("wrongKey"),
        WRONG_ISSUER("wrongIssuer"),
        WRONG_AUDIENCE("wrongAudience"),
        ADMIN("admin"),
        TERMINAL("terminal"),
        INTEGRATION("integration"),
        CUSTOMER("customer"),
        OTHER_STORE("otherStore"),
        OTHER_CUSTOMER("otherCustomer"),
        OUTSIDE_STORES("outsideStores");

        final String column;

        Caller(String column) {
            this.column = column;
        }

        /** The callers whose token is not good: their cell is 401 wherever a token is required. */
        boolean unauthenticated() {
            return ordinal() <= WRONG_AUDIENCE.ordinal();
        }
    }

    /**
     * What a cell may be: {@code 401}, {@code 403}, {@code 404} exactly (each a problem), {@code
     * ok} (let through: 2xx, or a 4xx other than 401/403 about the request itself, e.g. a 404 for an
     * id that does not exist or a 422 for the deliberately empty body), {@code 4xx} (any 4xx
     * problem: the endpoints that take a signature instead of a token).
     */
    static boolean matches(String expected, Api.Reply reply) {
        int status = reply.status();
        boolean problem = reply.contentType().startsWith("application/problem+json");
        return switch (expected) {
            case "401" -> status == 401 && reply.isProblem("unauthorized");
            case "403", "404" -> status == Integer.parseInt(expected) && problem;
            case "ok" -> status >= 200 && status < 300
                    || status >= 400 && status < 500 && status != 401 && status != 403;
            case "4xx" -> status >= 400 && status < 500 && problem;
            default -> throw new IllegalArgumentException("unknown cell '" + expected + "' in " + TABLE);
        };
    }

    /**
     * The word a reply would have in the table (to propose a row for a new operation): a 404 is
     * {@code 404} on the world's objects (hidden from the caller), else {@code ok} (a made-up id).
     */
    static String cellOf(Api.Reply reply, boolean onTheWorldsObjects) {
        int status = reply.status();
        if (status == 401 || status == 403 || status == 404 && onTheWorldsObjects) {
            return String.valueOf(status);
        }
        if (status >= 500) {
            return "5xx!";
        }
        return "ok";
    }

    /** @return operationId to its expected cells, from the table */
    static Map<String, Map<Caller, String>> table() {
        Map<String, Map<Caller, String>> rows = new LinkedHashMap<>();
        try (InputStream in =
                        AuthorizationMatrixScenarios.class.getClassLoader().getResourceAsStream(TABLE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] words = text.split("\\s+");
                assertThat(words)
                        .as("%s line %d: an operationId and %d cells", TABLE, number, Caller.values().length)
                        .hasSize(Caller.values().length + 1);
                Map<Caller, String> cells = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    cells.put(caller, words[caller.ordinal() + 1]);
                }
                assertThat(rows.put(words[0], cells))
                        .as("%s line %d: %s twice", TABLE, number, words[0])
                        .isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The row a new operation would have, as its calls answered today (to be checked by a person). */
    static String row(String operationId, Map<Caller, String> cells) {
        StringBuilder line = new StringBuilder(String.format("%-34s", operationId));
        for (Caller caller : Caller.values()) {
            line.append(String.format(" %-" + Math.max(4, caller.column.length()) + "s", cells.get(caller)));
        }
        return line.toString().stripTrailing();
    }

    /**
     * The world the calls act on: a customer enrolled at store A with a purchase and a coupon
     * there (the victim), another customer, a terminal of store B, an integration scoped to B.
     */
    static final class World {
        final String storeA = "AZ-" + Fixtures.unique();
        final String storeB = "BZ-" + Fixtures.unique();
        final String victim;
        final String card;
        final String other;
        final String purchase;
        final String coupon;
        final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        private final Map<String, Map<Caller, String>> badTokens = new LinkedHashMap<>();

        World() {
            Api.Reply enrolled = API.post(
                    "/api/v1/customers",
                    Api.terminal(storeA),
                    Fixtures.enrolment("victim." + Fixtures.unique() + "@example.com", null, storeA));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            victim = enrolled.json().getString("customerId");
            card = enrolled.json().getString("cardNumber");
            other = Fixtures.enrolled("other." + Fixtures.unique() + "@example.com", null)
                    .getString("customerId");
            Api.Reply bought = API.post(
                    "/api/v1/purchases",
                    Api.terminal(storeA),
                    Fixtures.purchase(storeA, "R-" + Fixtures.unique(), victim, Fixtures.TEN_LASAGNE, 6000));
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            purchase = bought.json().getString("purchaseId");
            coupon = Fixtures.personalCoupon(Fixtures.template(Fixtures.WELCOME), victim);
            tokens.put(Caller.ADMIN, Api.admin());
            tokens.put(Caller.TERMINAL, Api.terminal(storeA));
            tokens.put(Caller.INTEGRATION, Api.integration());
            tokens.put(Caller.CUSTOMER, Api.customer(victim));
            tokens.put(Caller.OTHER_STORE, Api.terminal(storeB));
            tokens.put(Caller.OTHER_CUSTOMER, Api.customer(other));
            tokens.put(Caller.OUTSIDE_STORES, Api.scopedIntegration("shop-" + storeB, List.of(storeB), List.of()));
        }

        /**
         * The token of an unauthenticated caller, made for {@code role} (the role the operation
         * lets in, so that only what is wrong with the token is wrong).
         */
        String badToken(Caller caller, String role) {
            return badTokens
                    .computeIfAbsent(role, r -> {
                        Map<Caller, String> made = new EnumMap<>(Caller.class);
                        String subject = "customer".equals(r) ? victim : "matrix-" + r;
                        String store = "terminal".equals(r) ? storeA : null;
                        DevKeys keys = Api.keys();
                        made.put(Caller.EXPIRED, keys.mint(Api.ISSUER, r, subject, store, Duration.ofMinutes(-10)));
                        made.put(
                                Caller.WRONG_KEY, forger().mint(Api.ISSUER, r, subject, store, Duration.ofMinutes(30)));
                        made.put(
                                Caller.WRONG_ISSUER,
                                keys.mint("someone-else", r, subject, store, Duration.ofMinutes(30)));
                        made.put(
                                Caller.WRONG_AUDIENCE,
                                keys.mint(
                                        Api.ISSUER,
                                        "crm-app",
                                        r,
                                        subject,
                                        store,
                                        Instant.now(),
                                        Duration.ofMinutes(30),
                                        Map.of()));
                        return made;
                    })
                    .get(caller);
        }

        private DevKeys forger;

        private DevKeys forger() {
            if (forger == null) {
                try {
                    forger = new DevKeys(Files.createTempDirectory("forger"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return forger;
        }

        /** The operation's path with its parameters naming the victim's objects (or made up ids). */
        String concrete(ApiOperations.Operation operation) {
            String path = operation
                    .path()
                    .replace("{customerId}", victim)
                    .replace("{purchaseId}", purchase)
                    .replace("{storeId}", storeA)
                    .replace("{code}", coupon)
                    .replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            if ("lookUpCustomer".equals(operation.id())) {
                path += "?card=" + card;
            }
            return path;
        }

        /**
         * The body sent: a valid one for the operations that act for a store or a customer (so that
         * the answer is about who calls, not about the body), else an empty object.
         */
        String body(ApiOperations.Operation operation) {
            return switch (operation.id()) {
                case "recordPurchase" -> Fixtures.purchase(
                        storeA, "R-" + Fixtures.unique(), victim, Fixtures.TEN_LASAGNE, 6000);
                case "quoteCheckout" -> """
                        {"storeId": "%s", "customerId": "%s", "lines": [%s], "couponCodes": []}"""
                        .formatted(storeA, victim, Fixtures.TEN_LASAGNE);
                case "enrolCustomer" -> Fixtures.enrolment("m." + Fixtures.unique() + "@example.com", null, storeA);
                case "recordEvent" -> """
                        {"eventId": "m-%s", "customerId": "%s", "type": "APP_INSTALLED"}"""
                        .formatted(Fixtures.unique(), victim);
                case "recordEventBatch" -> """
                        {"items": [{"eventId": "m-%s", "customerId": "%s", "type": "APP_INSTALLED"}]}"""
                        .formatted(Fixtures.unique(), victim);
                case "recordPurchaseBatch" -> """
                        {"items": [{"idempotencyKey": "m-%s", "purchase": %s}]}"""
                        .formatted(
                                Fixtures.unique(),
                                Fixtures.purchase(
                                        storeA, "R-" + Fixtures.unique(), victim, Fixtures.TEN_LASAGNE, 6000));
                case "reserveCoupon" -> "{\"minutes\": 5}";
                case "markCalled" -> "{\"note\": \"matrix\"}";
                default -> "{}";
            };
        }
    }

    /** The role whose token the unauthenticated cells of a row are made for: one the row lets in. */
    static String roleFor(Map<Caller, String> cells) {
        for (Caller caller : List.of(Caller.ADMIN, Caller.TERMINAL, Caller.INTEGRATION, Caller.CUSTOMER)) {
            if (cells != null && "ok".equals(cells.get(caller))) {
                return caller.column;
            }
        }
        return "admin";
    }

    Api.Reply call(World world, ApiOperations.Operation operation, Caller caller, String role) {
        String token = caller == Caller.NONE
                ? null
                : caller.unauthenticated() ? world.badToken(caller, role) : world.tokens.get(caller);
        String body = operation.takesBody() ? world.body(operation) : null;
        String contentType = body == null
                ? null
                : operation.bodyTypes().isEmpty() || operation.takesJson()
                        ? "application/json"
                        : operation.bodyTypes().iterator().next();
        Api.Reply reply = API.send(operation.method(), world.concrete(operation), token, contentType, body);
        if ("recordPurchaseBatch".equals(operation.id()) && reply.status() == 200) {
            // a batch answers 200 and judges each item on its own: the item's answer is the cell's
            jakarta.json.JsonObject item = reply.json().getJsonArray("results").getJsonObject(0);
            jakarta.json.JsonObject problem = item.getJsonObject("problem");
            return new Api.Reply(
                    item.getInt("status"),
                    problem == null ? "application/json" : "application/problem+json",
                    null,
                    false,
                    problem == null ? "{}" : problem.toString());
        }
        return reply;
    }

    /** Whether the call names one of the world's objects (its 404 then hides something). */
    static boolean onTheWorldsObjects(World world, ApiOperations.Operation operation) {
        String path = operation.path();
        return path.contains("{customerId}")
                || path.contains("{purchaseId}")
                || path.contains("{code}")
                || "lookUpCustomer".equals(operation.id());
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        Map<String, Map<Caller, String>> table = table();
        List<ApiOperations.Operation> operations = new ArrayList<>(ApiOperations.all());
        // erasing the victim (DELETE) last, so that every other operation acts on the same world
        operations.sort(java.util.Comparator.comparing(o -> "DELETE".equals(o.method())));
        World world = new World();
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ApiOperations.Operation operation : operations) {
            Map<Caller, String> expected = table.get(operation.id());
            String role = roleFor(expected);
            Map<Caller, String> seen = new EnumMap<>(Caller.class);
            // the admin last: what it does (a reversal, an erasure) must not change the others' answers
            List<Caller> order = new ArrayList<>(List.of(Caller.values()));
            order.remove(Caller.ADMIN);
            order.add(Caller.ADMIN);
            for (Caller caller : order) {
                Api.Reply reply = call(world, operation, caller, role);
                seen.put(caller, cellOf(reply, onTheWorldsObjects(world, operation)));
                if (expected != null && !matches(expected.get(caller), reply)) {
                    wrong.add("%s x %s: expected %s, got %s"
                            .formatted(operation, caller.column, expected.get(caller), abbreviated(reply)));
                }
                if (reply.status() >= 500) {
                    wrong.add("%s x %s: %s".formatted(operation, caller.column, abbreviated(reply)));
                }
            }
            if (expected == null) {
                missing.add(row(operation.id(), seen));
            }
        }
        List<String> report = new ArrayList<>();
        if (!missing.isEmpty()) {
            report.add(("operations of /openapi without a row in app/src/test/resources/%s: add these lines"
                            + " (what they answer today - check each cell against who should be let in):%n%s")
                    .formatted(TABLE, String.join("\n", missing)));
        }
        if (!wrong.isEmpty()) {
            report.add("cells answered otherwise than %s says:%n%s".formatted(TABLE, String.join("\n", wrong)));
        }
        assertThat(report).as(String.join("\n\n", report)).isEmpty();
    }

    @Test
    void theTableHasNoRowForAnOperationThatNoLongerExists() {
        List<String> published =
                ApiOperations.all().stream().map(ApiOperations.Operation::id).toList();
        List<String> stale =
                table().keySet().stream().filter(id -> !published.contains(id)).toList();
        assertThat(stale)
                .as("rows of app/src/test/resources/%s for operations /openapi no longer lists: remove them", TABLE)
                .isEmpty();
    }

    @Test
    void theTableCoversEveryOperationOnce() {
        Map<String, Map<Caller, String>> table = table();
        List<String> missing = ApiOperations.all().stream()
                .map(ApiOperations.Operation::id)
                .filter(id -> !table.containsKey(id))
                .toList();
        assertThat(missing)
                .as(
                        "operations of /openapi without a row in app/src/test/resources/%s (the full test"
                                + " everyOperationAnswersEveryCallerAsTheTableSays proposes each line)",
                        TABLE)
                .isEmpty();
        assertThat(ApiOperations.all().stream()
                        .map(ApiOperations.Operation::id)
                        .distinct()
                        .count())
                .as("operationIds are unique")
                .isEqualTo(ApiOperations.all().size());
    }

    static String abbreviated(Api.Reply reply) {
        String text = reply.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
