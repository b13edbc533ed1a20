package dev.loyalty.adapters.web.problem;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Text fields of a request ({@code String}) take a JSON string or null, nothing else: JSON-B on
 * its own turns a number or a boolean into its text, so {@code {"jti": 1e999999}} revoked a token
 * id "1e999999" and {@code {"firstName": 42}} renamed a customer "42" - a wrong type accepted and
 * stored instead of the 400 the contract promises. A failure is a {@link JsonbException} JSON-B
 * reports with the property's name.
 */
final class StrictText implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            default -> throw new JsonbException("a text is expected, not " + kind(value.getValueType()));
        };
    }

    private static String kind(JsonValue.ValueType type) {
        return switch (type) {
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true or false";
            case ARRAY -> "a list";
            default -> "an object";
        };
    }
}
