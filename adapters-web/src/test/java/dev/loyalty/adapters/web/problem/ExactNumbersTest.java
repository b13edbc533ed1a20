package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    /** Deserializes the value of {@code {"v": json}} as JSON-B would hand it over. */
    private static Long asLong(String json) {
        try (JsonParser parser = Json.createParser(new StringReader("{\"v\": " + json + "}"))) {
            parser.next();
            parser.next();
            parser.next();
            return new ExactNumbers.LongDeserializer().deserialize(parser, null, Long.class);
        }
    }

    private static Integer asInteger(String json) {
        try (JsonParser parser = Json.createParser(new StringReader("{\"v\": " + json + "}"))) {
            parser.next();
            parser.next();
            parser.next();
            return new ExactNumbers.IntegerDeserializer().deserialize(parser, null, Integer.class);
        }
    }

    @Test
    void wholeNumbersAreTakenExactly() {
        assertThat(asLong("42")).isEqualTo(42L);
        assertThat(asLong("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(asLong("2.0")).isEqualTo(2L);
        assertThat(asLong("1e3")).isEqualTo(1000L);
        assertThat(asLong("\"12\"")).isEqualTo(12L);
        assertThat(asLong("null")).isNull();
        assertThat(asInteger("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(asInteger("null")).isNull();
    }

    @Test
    void whatJsonbWouldTruncateOrWrapAroundIsRefused() {
        for (String json : new String[] {
            "1.5",
            "1e30",
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "9223372036854775808",
            "123456789012345678901234567890",
            "true",
            "\"twelve\"",
            "[1]"
        }) {
            assertThatThrownBy(() -> asLong(json)).as(json).isInstanceOf(JsonbException.class);
        }
        assertThatThrownBy(() -> asInteger("3000000000")).isInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> asInteger("0.5")).isInstanceOf(JsonbException.class);
    }
}
