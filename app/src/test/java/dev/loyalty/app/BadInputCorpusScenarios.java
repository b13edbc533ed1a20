package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bad bodies sent to every operation of {@code GET /openapi} that takes one (issue 17, "Proof"):
 * malformed JSON, other JSON than an object, unknown fields, each field of the wrong type, numbers
 * no field can hold (1e999999, 99999999999999999999), 10,000 levels of nesting, 10 MB strings with
 * a Content-Length and chunked without one. Each is sent with a token of a role the operation lets
 * in ({@code authorization-matrix.txt}) and must be answered with a 4xx RFC 9457 problem carrying a
 * {@code code} - never a 500 - and store nothing. An operation that takes no body (a POST such as a
 * confirmation) is sent one - JSON, malformed, form fields, text, 10 MB chunked - and refuses it as
 * {@code body-not-expected} before doing anything; no body, {@code {}} or {@code null} stays what it was. Run by
 * {@code ServiceIT.BadInputCorpus}.
 */
abstract class BadInputCorpusScenarios {

    /**
     * The tables only requests write (the relay, reactions and schedules write others, e.g. the
     * wallet, messages, outbox): a bad body must leave each as it was.
     */
    static final List<String> WRITTEN_BY_REQUESTS = List.of(
            "campaign",
            "category",
            "coupon_reservation",
            "coupon_template",
            "customer",
            "customer_answer",
            "customer_event",
            "earning_rules",
            "import_job",
            "message_template",
            "mission",
            "product",
            "purchase",
            "purchase_reversal",
            "question",
            "referral_programme",
            "reward",
            "rule",
            "segment",
            "segment_snapshot",
            "tier_programme",
            "token_revocation");

    /** File imports stream a body of any size to disk and judge it line by line afterwards. */
    static final java.util.Set<String> FILE_IMPORTS =
            java.util.Set.of("importPurchases", "importProducts", "importCategories");

    static final int TEN_MB = 10 * 1024 * 1024;

    static final String DEEP_ARRAY = "[".repeat(10_000) + "]".repeat(10_000);

    static final String DEEP_OBJECT = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    /** A bad body: what it is, its media type and text. */
    record Case(String name, String contentType, String body) {}

    /** The bad bodies for an operation, derived from its request schema where they name fields. */
    static List<Case> casesFor(ApiOperations.Operation operation) {
        String json = "application/json";
        List<Case> cases = new ArrayList<>(List.of(
                new Case("malformed JSON", json, "{\"a\": "),
                new Case("not JSON", json, "not json at all"),
                new Case("empty body", json, ""),
                new Case("an array", json, "[]"),
                new Case("a string", json, "\"text\""),
                new Case("a number", json, "42"),
                new Case("unknown field", json, "{\"unknownField\": 1}"),
                new Case("trailing garbage", json, "{} {}"),
                new Case("deep array", json, "{\"a\": " + DEEP_ARRAY + "}"),
                new Case("deep object", json, DEEP_OBJECT),
                new Case("huge number as the body", json, "1e999999"),
                new Case("invalid UTF-8 escape", json, "{\"a\": \"\\ud800\\u\"}")));
        Map<String, JsonObject> properties = operation.bodyProperties();
        if (!properties.isEmpty()) {
            String first = properties.keySet().iterator().next();
            cases.add(new Case("deep array in " + first, json, "{\"" + first + "\": " + DEEP_ARRAY + "}"));
            cases.add(new Case("unknown field beside " + first, json, "{\"" + first + "\": null, \"zzUnknown\": 1}"));
        }
        for (Map.Entry<String, JsonObject> property : properties.entrySet()) {
            String name = property.getKey();
            String type = property.getValue() == null ? "" : property.getValue().getString("type", "object");
            for (String wrong : wrongValuesFor(type)) {
                cases.add(new Case(name + " = " + wrong, json, "{\"" + name + "\": " + wrong + "}"));
            }
            for (String huge : List.of("1e999999", "99999999999999999999", "-1e999999999")) {
                cases.add(new Case(
                        name + " = " + huge,
                        json,
                        "object".equals(type)
                                ? "{\"" + name + "\": {\"x\": " + huge + "}}"
                                : "array".equals(type)
                                        ? "{\"" + name + "\": [" + huge + "]}"
                                        : "{\"" + name + "\": " + huge + "}"));
            }
        }
        return cases;
    }

    /** Values of another JSON type than {@code type}. */
    static List<String> wrongValuesFor(String type) {
        return switch (type) {
            case "string" -> List.of("{\"x\": 1}", "[\"a\"]");
            case "integer" -> List.of("\"twelve\"", "1.5", "true");
            case "number" -> List.of("\"twelve\"", "{}");
            case "boolean" -> List.of("\"yes\"", "[]");
            case "array" -> List.of("{\"x\": 1}", "\"a\"");
            default -> List.of("[1]", "\"text\"");
        };
    }

    /** Row counts of the tables only requests write. */
    static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WRITTEN_BY_REQUESTS) {
            counts.put(table, Api.count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    /** What is wrong with an answer to a bad body, or null if it is a 4xx problem with a code. */
    static String notAProblem(Api.Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status();
        }
        if (reply.status() == 401) {
            return "401: the corpus's token was not let in";
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "not application/problem+json";
        }
        try {
            JsonObject problem =
                    Json.createReader(new StringReader(reply.body())).readObject();
            if (problem.getString("code", "").isBlank() || problem.getInt("status", 0) != reply.status()) {
                return "no code, or a status other than the response's";
            }
        } catch (RuntimeException e) {
            return "a problem body that is not JSON";
        }
        return null;
    }

    /** The operations taking a body, each with the token of a role it lets in, in one world. */
    static final class Targets {
        final AuthorizationMatrixScenarios.World world = new AuthorizationMatrixScenarios.World();
        final Map<String, Map<AuthorizationMatrixScenarios.Caller, String>> table =
                AuthorizationMatrixScenarios.table();

        List<ApiOperations.Operation> operations() {
            return ApiOperations.all().stream()
                    .filter(ApiOperations.Operation::takesBody)
                    .filter(o -> !o.bodyTypes().isEmpty())
                    .toList();
        }

        /** A token of a role the table lets in, or null when it lets none in (signed endpoints). */
        String token(ApiOperations.Operation operation) {
            Map<AuthorizationMatrixScenarios.Caller, String> row = table.get(operation.id());
            for (AuthorizationMatrixScenarios.Caller caller : List.of(
                    AuthorizationMatrixScenarios.Caller.ADMIN,
                    AuthorizationMatrixScenarios.Caller.TERMINAL,
                    AuthorizationMatrixScenarios.Caller.INTEGRATION,
                    AuthorizationMatrixScenarios.Caller.CUSTOMER)) {
                if (row != null && "ok".equals(row.get(caller))) {
                    return world.tokens.get(caller);
                }
            }
            return null;
        }

        String path(ApiOperations.Operation operation) {
            return world.concrete(operation);
        }
    }

    @Test
    void everyOperationTakingABodyAnswersBadBodiesWithAProblemAndStoresNothing() {
        Targets targets = new Targets();
        List<String> wrong = new ArrayList<>();
        for (ApiOperations.Operation operation : targets.operations()) {
            String token = targets.token(operation);
            String path = targets.path(operation);
            Map<String, Long> before = counts();
            for (Case bad : casesFor(operation)) {
                Api.Reply reply;
                try {
                    reply = API.send(operation.method(), path, token, bad.contentType(), bad.body());
                } catch (java.io.UncheckedIOException e) {
                    wrong.add("%s <- %s: no answer (%s)".formatted(operation, bad.name(), e.getCause()));
                    continue;
                }
                String problem = notAProblem(reply);
                if (problem != null) {
                    wrong.add("%s <- %s: %s (%s)"
                            .formatted(
                                    operation, bad.name(), problem, AuthorizationMatrixScenarios.abbreviated(reply)));
                }
            }
            String changed = changes(before, counts());
            if (!changed.isEmpty()) {
                wrong.add("%s: bad bodies stored rows in %s".formatted(operation, changed));
            }
        }
        assertThat(wrong)
                .as(
                        "answers to bad bodies that are not a 4xx problem with a code, or stored something:%n%s",
                        String.join("\n", wrong))
                .isEmpty();
    }

    @Test
    void tenMegabyteBodiesWithOrWithoutALengthAreRefusedWithA413() {
        Targets targets = new Targets();
        String tenMb = " ".repeat(TEN_MB);
        List<String> wrong = new ArrayList<>();
        for (ApiOperations.Operation operation : targets.operations()) {
            if (FILE_IMPORTS.contains(operation.id())) {
                continue;
            }
            String token = targets.token(operation);
            String path = targets.path(operation);
            String field =
                    operation.bodyProperties().keySet().stream().findFirst().orElse("a");
            String contentType = operation.takesJson()
                    ? "application/json"
                    : operation.bodyTypes().iterator().next();
            String prefix = operation.takesJson() ? "{\"" + field + "\": \"" : field + "=";
            Map<String, Long> before = counts();
            Api.Reply sized = API.send(operation.method(), path, token, contentType, prefix + tenMb + "\"}");
            Api.Reply chunked = API.sendChunked(operation.method(), path, token, contentType, prefix, TEN_MB);
            for (Map.Entry<String, Api.Reply> answer :
                    Map.of("with a Content-Length", sized, "chunked", chunked).entrySet()) {
                Api.Reply reply = answer.getValue();
                String problem = notAProblem(reply);
                // a signed endpoint may refuse the signature before it reads the body
                boolean signed = SecurityScenarios.SIGNED_INSTEAD_OF_AUTHENTICATED.contains(
                        operation.method().toLowerCase(java.util.Locale.ROOT) + " " + operation.path());
                if (problem != null || reply.status() != 413 && !(signed && reply.status() == 403)) {
                    wrong.add("%s <- 10 MB string %s: %s"
                            .formatted(
                                    operation,
                                    answer.getKey(),
                                    problem == null ? "status " + reply.status() : problem));
                }
            }
            String changed = changes(before, counts());
            if (!changed.isEmpty()) {
                wrong.add("%s: 10 MB bodies stored rows in %s".formatted(operation, changed));
            }
        }
        assertThat(wrong)
                .as("10 MB bodies not refused with a 413 problem:%n%s", String.join("\n", wrong))
                .isEmpty();
    }

    /** The POST, PUT and PATCH operations that take no body (a confirmation, a claim, a job run). */
    static List<ApiOperations.Operation> bodyless() {
        return ApiOperations.all().stream()
                .filter(ApiOperations.Operation::takesBody)
                .filter(o -> o.bodyTypes().isEmpty())
                .toList();
    }

    @Test
    void everyOperationTakingNoBodyRefusesOneWithAProblemAndDoesNothing() {
        Targets targets = new Targets();
        List<ApiOperations.Operation> operations = bodyless();
        assertThat(operations).as("the document names body-less operations").isNotEmpty();
        String json = "application/json";
        List<Case> bodies = List.of(
                new Case("a JSON object", json, "{\"reason\": \"x\", \"points\": 1000000}"),
                new Case("malformed JSON", json, "{\"a\": "),
                new Case("deep array", json, DEEP_ARRAY),
                new Case("huge number", json, "1e999999"),
                new Case("form fields", "application/x-www-form-urlencoded", "a=1&b=2"),
                new Case("text", "text/plain", "confirm please"));
        List<String> wrong = new ArrayList<>();
        for (ApiOperations.Operation operation : operations) {
            String token = targets.token(operation);
            String path = targets.path(operation);
            Map<String, Long> before = counts();
            List<Api.Reply> replies = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Case bad : bodies) {
                replies.add(API.send(operation.method(), path, token, bad.contentType(), bad.body()));
                names.add(bad.name());
            }
            replies.add(API.sendChunked(operation.method(), path, token, json, "{\"a\": \"", TEN_MB));
            names.add("10 MB chunked");
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i);
                String problem = notAProblem(reply);
                if (problem != null) {
                    wrong.add("%s <- %s: %s (%s)"
                            .formatted(
                                    operation, names.get(i), problem, AuthorizationMatrixScenarios.abbreviated(reply)));
                } else if (i < bodies.size() && !reply.isProblem("body-not-expected")) {
                    wrong.add("%s <- %s: not body-not-expected but %s"
                            .formatted(operation, names.get(i), AuthorizationMatrixScenarios.abbreviated(reply)));
                }
            }
            String changed = changes(before, counts());
            if (!changed.isEmpty()) {
                wrong.add("%s: bodies where none is expected stored rows in %s".formatted(operation, changed));
            }
        }
        assertThat(wrong)
                .as(
                        "body-less operations that took a body, or answered it without a problem:%n%s",
                        String.join("\n", wrong))
                .isEmpty();
    }

    @Test
    void whatClientsSendByHabitToABodylessOperationIsNoBadInput() {
        Targets targets = new Targets();
        List<String> wrong = new ArrayList<>();
        for (ApiOperations.Operation operation : bodyless()) {
            for (String habit : List.of("", "{}", "null")) {
                Api.Reply reply = API.send(
                        operation.method(),
                        targets.path(operation),
                        targets.token(operation),
                        "application/json",
                        habit);
                if (reply.status() >= 500 || reply.isProblem("body-not-expected")) {
                    wrong.add("%s <- '%s': %s"
                            .formatted(operation, habit, AuthorizationMatrixScenarios.abbreviated(reply)));
                }
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    static String changes(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .map(table -> table + " " + before.get(table) + " -> " + after.get(table))
                .collect(Collectors.joining(", "));
    }
}
