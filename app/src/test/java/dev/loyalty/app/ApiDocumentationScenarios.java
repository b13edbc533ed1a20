package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The API's documentation as a client developer meets it: the browsable reference at
 * {@code /api-docs}, {@code /openapi} checked the way a linter and a client generator read it, and
 * a Java client generated from it (by openapi-generator, from Maven Central) that records a
 * purchase and reads the wallet. Run by {@code ServiceIT.ApiDocumentation} on the shared deployment.
 */
abstract class ApiDocumentationScenarios {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Property names that hold an instant or a date in this API (occurredAt, validUntil, since, ...). */
    private static final Pattern TIME_NAME =
            Pattern.compile("(?i).*(At|Until|From|Since|By|Before|Date|Start)$|^(at|since)$");

    private static JsonObject document() {
        return Json.createReader(new StringReader(API.getAcceptingJson("/openapi")))
                .readObject();
    }

    /** Every operation of the document, keyed "method path". */
    private static Map<String, JsonObject> operations(JsonObject document) {
        Map<String, JsonObject> operations = new LinkedHashMap<>();
        JsonObject paths = document.getJsonObject("paths");
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method + " " + path, operation.asJsonObject());
            }
        }));
        return operations;
    }

    @Test
    void theReferenceIsBrowsableAtApiDocs() {
        Api.Reply page = API.getAccepting("/api-docs", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("SwaggerUIBundle").contains("/openapi");
        var asset = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertThat(asset.find())
                .as("the page loads Swagger UI from the WebJar: " + page.body())
                .isTrue();
        Api.Reply script = API.getAccepting(asset.group(1), "*/*");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
        assertThat(API.getAccepting("/", "text/html").body()).contains("/api-docs");
    }

    @Test
    void theDocumentIsYamlByDefaultAndJsonOnRequest() {
        for (String accept : List.of("*/*", "application/yaml", "text/yaml", "text/plain", "text/html,*/*;q=0.8")) {
            Api.Reply yaml = API.getAccepting("/openapi", accept);
            assertThat(yaml.status()).as(accept).isEqualTo(200);
            assertThat(yaml.contentType()).as(accept).startsWith("application/yaml");
            assertThat(yaml.body()).as(accept).startsWith("openapi: 3.");
        }
        Api.Reply json = API.getAccepting("/openapi", "application/json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.body()).startsWith("{");
        Api.Reply asked = API.getAccepting("/openapi?format=JSON", "*/*");
        assertThat(asked.contentType()).startsWith("application/json");
        assertThat(asked.body()).startsWith("{");
        Api.Reply yamlAsked = API.getAccepting("/openapi?format=YAML", "application/json");
        assertThat(yamlAsked.contentType()).startsWith("application/yaml");
        assertThat(yamlAsked.body()).startsWith("openapi: 3.");
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndItsProblems() {
        Map<String, JsonObject> operations = operations(document());
        assertThat(operations).hasSizeGreaterThan(60);
        Map<String, List<String>> byId = new LinkedHashMap<>();
        List<String> withoutProblem = new ArrayList<>();
        operations.forEach((operation, body) -> {
            byId.computeIfAbsent(body.getString("operationId", ""), id -> new ArrayList<>())
                    .add(operation);
            boolean problem = body.getJsonObject("responses").entrySet().stream()
                    .filter(response -> response.getKey().startsWith("4"))
                    .map(response -> response.getValue().asJsonObject().getJsonObject("content"))
                    .anyMatch(content -> content != null
                            && content.containsKey("application/problem+json")
                            && PROBLEM_REF.equals(content.getJsonObject("application/problem+json")
                                    .getJsonObject("schema")
                                    .getString("$ref", null)));
            if (!problem) {
                withoutProblem.add(operation);
            }
        });
        assertThat(byId).as("operations without operationId").doesNotContainKey("");
        assertThat(byId.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(Map.Entry::toString)
                        .toList())
                .as("operationIds used more than once")
                .isEmpty();
        assertThat(withoutProblem)
                .as("operations without a 4xx response with the Problem schema")
                .isEmpty();
    }

    @Test
    void theProblemSchemaIsWhatTheServiceSends() {
        JsonObject problem =
                document().getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertThat(problem.getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "code", "errors", "path");
        // and every member of a real problem is declared
        Api.Reply invalid = API.post("/api/v1/customers", Api.terminal("MI-001"), "{}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().getJsonArray("errors")).isNotEmpty();
        assertThat(problem.getJsonObject("properties").keySet())
                .containsAll(invalid.json().keySet());
    }

    @Test
    void twoBodiesOfTheSameSimpleNameAreTwoSchemas() {
        // four records named Item (a batch's item, a timeline's, a tier history's, an import's reject)
        // were one merged schema: a generated client read a batch item with a reject's fields
        JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.keySet()).doesNotContain("Item").contains("ImportReject", "TimelineItem", "TierHistoryItem");
        assertThat(schemas.getJsonObject("PurchaseBatchItem")
                        .getJsonObject("properties")
                        .keySet())
                .containsExactlyInAnyOrder("idempotencyKey", "purchase");
        assertThat(schemas.getJsonObject("ImportReject")
                        .getJsonObject("properties")
                        .keySet())
                .containsExactlyInAnyOrder("line", "reason", "excerpt");
        assertThat(schemas.getJsonObject("CampaignMember")).isNotNull();
        assertThat(schemas.getJsonObject("ProfileSegment")).isNotNull();
    }

    @Test
    void datesAndInstantsAreStringsWithTheirFormat() {
        JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
        Map<String, String> known = Map.of(
                "CouponView.validUntil", "date-time",
                "CustomerView.enrolledAt", "date-time",
                "CustomerView.birthDate", "date",
                "TierView.neededBy", "date",
                "TierView.since", "date-time",
                "MessageView.createdAt", "date-time",
                "Entry.occurredAt", "date-time");
        known.forEach((field, format) -> {
            String[] parts = field.split("\\.");
            JsonObject property =
                    schemas.getJsonObject(parts[0]).getJsonObject("properties").getJsonObject(parts[1]);
            assertThat(property.getString("type", "")).as(field).isEqualTo("string");
            assertThat(property.getString("format", "")).as(field).isEqualTo(format);
        });
        List<String> objects = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            JsonObject properties = schema.asJsonObject().getJsonObject("properties");
            if (properties != null) {
                properties.forEach((property, value) -> {
                    if (TIME_NAME.matcher(property).matches()
                            && "object".equals(value.asJsonObject().getString("type", ""))) {
                        objects.add(name + "." + property);
                    }
                });
            }
        });
        assertThat(objects).as("time fields declared as objects").isEmpty();
    }

    @Test
    void tagsServersAndMembersAreThoseOfOpenApi() {
        JsonObject document = document();
        assertThat(document).doesNotContainKey("endpoints");
        List<String> tags = document.getJsonArray("tags").stream()
                .map(tag -> tag.asJsonObject().getString("name"))
                .toList();
        assertThat(tags).doesNotHaveDuplicates();
        assertThat(document.getJsonArray("tags").stream()
                        .filter(tag ->
                                tag.asJsonObject().getString("description", "").isBlank())
                        .toList())
                .as("tags without a description (add them to LoyaltyApi's @OpenAPIDefinition)")
                .isEmpty();
        Set<String> used = new HashSet<>();
        operations(document).values().forEach(operation -> operation.getJsonArray("tags").stream()
                .map(tag -> ((jakarta.json.JsonString) tag).getString())
                .forEach(used::add));
        assertThat(tags).containsAll(used);
        document.getJsonArray("servers")
                .forEach(server ->
                        assertThat(server.asJsonObject().getString("url")).doesNotEndWith("/"));
        // examples of JSON bodies are JSON values, not JSON text in a string
        List<String> textExamples = new ArrayList<>();
        operations(document).forEach((operation, body) -> {
            JsonObject requestBody = body.getJsonObject("requestBody");
            JsonObject content = requestBody == null ? null : requestBody.getJsonObject("content");
            if (content != null && content.containsKey("application/json")) {
                JsonObject examples = content.getJsonObject("application/json").getJsonObject("examples");
                if (examples != null) {
                    examples.forEach((name, example) -> {
                        JsonValue value = example.asJsonObject().get("value");
                        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
                            textExamples.add(operation + " " + name);
                        }
                    });
                }
            }
        });
        assertThat(textExamples).isEmpty();
        // the operations reached without a token say so
        assertThat(operations(document).get("post /api/v1/unsubscribe").getJsonArray("security"))
                .containsExactly(JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * openapi-generator validates the document, generates the Java client ("native" library: the
     * JDK's HTTP client and Jackson) and the client, compiled here, tells the story of a till.
     */
    @Test
    void aClientGeneratedFromTheDocumentRecordsAPurchaseAndReadsTheWallet() throws Exception {
        Path home = Path.of(System.getProperty("loyalty.it.openapi.client"));
        Path lib = home.resolve("lib");
        Path spec = home.resolve("openapi.json");
        Files.writeString(spec, API.getAcceptingJson("/openapi"));
        long start = System.nanoTime();

        String validation = generator(home, "validate", "-i", spec.toString());
        assertThat(validation).as(validation).doesNotContain("Errors:").doesNotContain("Warnings:");

        Path generated = home.resolve("generated");
        deleteRecursively(generated);
        generator(
                home,
                "generate",
                "-g",
                "java",
                "--library",
                "native",
                "-i",
                spec.toString(),
                "-o",
                generated.toString(),
                "--api-package",
                "dev.loyalty.client.api",
                "--model-package",
                "dev.loyalty.client.model",
                "--invoker-package",
                "dev.loyalty.client",
                "--additional-properties=useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property",
                "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false");
        Path sources = generated.resolve("src/main/java");
        try (InputStream story = getClass().getResourceAsStream("/openapi-client/ClientStory.java")) {
            Files.copy(story, sources.resolve("dev/loyalty/client/ClientStory.java"));
        }
        Path classes = home.resolve("classes");
        deleteRecursively(classes);
        Files.createDirectories(classes);
        List<Path> libraries;
        try (Stream<Path> jars = Files.list(lib)) {
            libraries = jars.filter(jar -> !jar.getFileName().toString().startsWith("openapi-generator-cli"))
                    .toList();
        }
        compile(sources, classes, libraries);

        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path jar : libraries) {
            urls.add(jar.toUri().toURL());
        }
        Map<?, ?> seen;
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            seen = (Map<?, ?>) loader.loadClass("dev.loyalty.client.ClientStory")
                    .getMethod("run", String.class, String.class, String.class, String.class)
                    .invoke(
                            null,
                            "http://127.0.0.1:" + System.getProperty("loyalty.it.http.port"),
                            Api.terminal("MI-001"),
                            Api.admin(),
                            Fixtures.uniquePhone());
        }
        System.out.printf(
                "generated client: validated, generated, compiled and run in %d s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));

        String customer = (String) seen.get("customerId");
        assertThat(seen.get("enrolledAt")).as("a date-time the client parsed").isNotNull();
        long balance = ((Number) seen.get("balance")).longValue();
        assertThat(balance).isEqualTo(((Number) seen.get("pointsAwarded")).longValue());
        JsonObject wallet = API.get("/api/v1/customers/" + customer + "/wallet", Api.admin())
                .json();
        assertThat(wallet.getJsonNumber("balance").longValue()).isEqualTo(balance);
        assertThat(seen.get("unknownWallet")).isEqualTo("404 customer-not-found");
    }

    /** Runs openapi-generator-cli in a JVM of its own; answers what it printed, failing on an error. */
    private static String generator(Path home, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                home.resolve("lib/openapi-generator-cli.jar").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    private static void compile(Path sources, Path classes, List<Path> libraries) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toFile)
                    .toList();
        }
        try (StandardJavaFileManager fileManager =
                compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classPath = String.join(
                    File.pathSeparator, libraries.stream().map(Path::toString).toList());
            StringWriter out = new StringWriter();
            boolean compiled = compiler.getTask(
                            out,
                            fileManager,
                            diagnostics,
                            List.of("-d", classes.toString(), "-classpath", classPath, "-nowarn", "-proc:none"),
                            null,
                            fileManager.getJavaFileObjectsFromFiles(files))
                    .call();
            assertThat(compiled)
                    .as("the generated client compiles: " + out + diagnostics.getDiagnostics())
                    .isTrue();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
