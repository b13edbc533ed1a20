package dev.loyalty.adapters.web.apidocs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The examples of JSON media types as JSON values: the annotations give them as text, which Payara
 * writes as a string (an example a client's validator then rejects against the object schema).
 */
final class Examples {

    private Examples() {}

    static void parseJson(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((name, mediaType) -> {
            if (name.endsWith("json")) {
                parseJson(mediaType);
            }
        });
    }

    private static void parseJson(MediaType mediaType) {
        if (mediaType.getExamples() != null) {
            mediaType.getExamples().values().forEach(example -> example.setValue(parsed(example.getValue())));
        }
        if (mediaType.getExample() != null) {
            mediaType.setExample(parsed(mediaType.getExample()));
        }
    }

    /** The JSON text as maps, lists and scalars; anything else unchanged. */
    static Object parsed(Object value) {
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return plain(Json.createReader(new StringReader(trimmed)).readValue());
                } catch (JsonParsingException e) {
                    return value;
                }
            }
        }
        return value;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((key, member) -> map.put(key, plain(member)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(element -> list.add(plain(element)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValueExact() : number.bigDecimalValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
