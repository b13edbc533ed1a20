package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API reads and writes JSON: unknown fields in a request are an error (a typo must not be
 * silently ignored), whole-number fields take exactly the number sent ({@link ExactNumbers}), text
 * fields only text ({@link StrictText}), absent values are left out of responses.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = newJsonb();

    /** @return the JSON-B the API writes its bodies with (shared, thread-safe) */
    public static Jsonb jsonb() {
        return JSONB;
    }

    static Jsonb newJsonb() {
        return JsonbBuilder.create(new JsonbConfig()
                .withNullValues(false)
                .withDeserializers(
                        new ExactNumbers.LongDeserializer(), new ExactNumbers.IntegerDeserializer(), new StrictText())
                .setProperty("jsonb.fail-on-unknown-properties", true));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
