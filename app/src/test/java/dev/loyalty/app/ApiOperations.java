package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation the running service publishes in {@code GET /openapi}: the authorization matrix
 * and the bad-input corpus are generated from it, so that a new endpoint is covered (or fails the
 * build) without anyone remembering to add it.
 */
final class ApiOperations {

    /** One operation of the document. */
    record Operation(String id, String method, String path, JsonObject spec, JsonObject document) {

        boolean takesBody() {
            return Set.of("POST", "PUT", "PATCH").contains(method);
        }

        /** @return the media types of its request body (none when it takes no body) */
        Set<String> bodyTypes() {
            JsonObject body = spec.getJsonObject("requestBody");
            return body == null || body.getJsonObject("content") == null
                    ? Set.of()
                    : body.getJsonObject("content").keySet();
        }

        boolean takesJson() {
            return bodyTypes().contains("application/json");
        }

        /**
         * @return the properties of its JSON request body's schema (name to schema, {@code $ref}
         *     resolved), in the document's order; empty when it names none
         */
        Map<String, JsonObject> bodyProperties() {
            if (!takesJson()) {
                return Map.of();
            }
            JsonObject schema = resolve(spec.getJsonObject("requestBody")
                    .getJsonObject("content")
                    .getJsonObject("application/json")
                    .getJsonObject("schema"));
            if (schema == null || schema.getJsonObject("properties") == null) {
                return Map.of();
            }
            Map<String, JsonObject> properties = new java.util.LinkedHashMap<>();
            schema.getJsonObject("properties")
                    .forEach((name, value) -> properties.put(name, resolve((JsonObject) value)));
            return properties;
        }

        /** @return {@code schema} itself, or the component its {@code $ref} names */
        JsonObject resolve(JsonObject schema) {
            if (schema == null || !schema.containsKey("$ref")) {
                return schema;
            }
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return resolve(document.getJsonObject("components")
                    .getJsonObject("schemas")
                    .getJsonObject(name));
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private static List<Operation> all;

    private ApiOperations() {}

    /** @return every operation of the service's OpenAPI document, read once per test run */
    static synchronized List<Operation> all() {
        if (all == null) {
            JsonObject document = Json.createReader(new StringReader(API.getAcceptingJson("/openapi")))
                    .readObject();
            List<Operation> operations = new ArrayList<>();
            document.getJsonObject("paths").forEach((path, item) -> {
                for (Map.Entry<String, JsonValue> entry : item.asJsonObject().entrySet()) {
                    JsonObject spec = entry.getValue().asJsonObject();
                    String id = spec.getString("operationId", entry.getKey() + " " + path);
                    operations.add(new Operation(id, entry.getKey().toUpperCase(), path, spec, document));
                }
            });
            all = List.copyOf(operations);
        }
        return all;
    }
}
