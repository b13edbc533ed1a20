package dev.loyalty.adapters.web.segment;

import dev.loyalty.domain.segment.SegmentConditionInvalidException;
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * A segment request's body, {@code {name?, condition}}, read as plain JSON so that the condition
 * reaches the domain's parser as written (which names the path of a bad node).
 *
 * @param name the segment's name (absent in a preview)
 * @param condition the condition as JSON text
 */
record SegmentBody(Optional<String> name, String condition) {

    private static final JsonProvider JSON = JsonProvider.provider();

    static SegmentBody read(String raw, boolean named) {
        JsonObject body;
        try (JsonReader reader = JSON.createReader(new StringReader(raw == null ? "" : raw))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedJsonException("the request body is a JSON object");
            }
            body = value.asJsonObject();
        } catch (MalformedJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // a body that is not JSON (JsonException), or nested beyond what the reader accepts (Parsson
            // throws a bare RuntimeException: "Input is too deeply nested")
            throw new MalformedJsonException("the request body is not valid JSON (or is nested too deeply)");
        }
        Set<String> allowed = named ? Set.of("name", "condition") : Set.of("condition");
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidValueException(key, "unknown field " + key + " (expected " + allowed + ")");
            }
        }
        Optional<String> name = Optional.empty();
        if (named) {
            if (!(body.get("name") instanceof JsonString text)) {
                throw new InvalidValueException("name", "a segment's name is required (text)");
            }
            name = Optional.of(text.getString());
        }
        JsonValue condition = body.get("condition");
        if (condition == null || condition.getValueType() == JsonValue.ValueType.NULL) {
            throw new SegmentConditionInvalidException("$", "a condition is required");
        }
        return new SegmentBody(name, condition.toString());
    }

    static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The body is not JSON. Code {@code malformed-json} (400). */
    static final class MalformedJsonException extends DomainException {
        MalformedJsonException(String detail) {
            super(detail);
        }

        @Override
        public String code() {
            return "malformed-json";
        }
    }
}
