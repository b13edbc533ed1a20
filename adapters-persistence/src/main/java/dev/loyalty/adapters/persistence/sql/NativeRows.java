package dev.loyalty.adapters.persistence.sql;

import dev.loyalty.adapters.persistence.UtcTimes;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the columns of native queries, and the small JSON documents kept in TEXT columns. */
public final class NativeRows {

    /** One provider, looked up once: {@code Json.create...} looks it up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private NativeRows() {}

    /** @return the instant of a UTC DATETIME column as the driver returns it, or {@code null} */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof LocalDateTime utc) {
            return UtcTimes.instant(utc);
        }
        if (column instanceof Timestamp timestamp) {
            return UtcTimes.instant(timestamp.toLocalDateTime());
        }
        throw new IllegalArgumentException("not a DATETIME column: " + column.getClass());
    }

    /** @return a number column as a long */
    public static long number(Object column) {
        return ((Number) column).longValue();
    }

    /**
     * @param attributes strings, whole numbers, booleans and lists of those
     * @return a JSON object
     */
    public static String toJson(Map<String, Object> attributes) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        attributes.forEach((name, value) -> object.add(name, jsonValue(value)));
        return object.build().toString();
    }

    /** @return the attributes of a JSON object, numbers as {@code Long} */
    public static Map<String, Object> attributes(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            reader.readObject().forEach((name, value) -> {
                Object plain = plain(value);
                if (plain != null) {
                    attributes.put(name, plain);
                }
            });
            return attributes;
        }
    }

    /** @return the JSON object a TEXT column holds */
    public static JsonObject object(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** @return the JSON array a TEXT column holds */
    public static JsonArray array(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    /** @return the strings as a JSON array */
    public static String toJsonArray(List<String> strings) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        strings.forEach(array::add);
        return array.build().toString();
    }

    private static JsonValue jsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number n) {
            return JSON.createValue(n.longValue());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(item -> array.add(jsonValue(item)));
            return array.build();
        }
        return JSON.createValue(String.valueOf(value));
    }

    private static Object plain(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return ((JsonNumber) value).longValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(item -> list.add(plain(item)));
                return List.copyOf(list);
            default:
                return null;
        }
    }
}
