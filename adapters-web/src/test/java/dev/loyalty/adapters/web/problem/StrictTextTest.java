package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    /** Deserializes the value of {@code {"v": json}} as JSON-B would hand it over. */
    private static String asText(String json) {
        try (JsonParser parser = Json.createParser(new StringReader("{\"v\": " + json + "}"))) {
            parser.next();
            parser.next();
            parser.next();
            return new StrictText().deserialize(parser, null, String.class);
        }
    }

    @Test
    void textFieldsTakeTextOrNull() {
        assertThat(asText("\"Ada\"")).isEqualTo("Ada");
        assertThat(asText("\"42\"")).isEqualTo("42");
        assertThat(asText("null")).isNull();
    }

    @Test
    void aNumberOrATruthValueIsNotTurnedIntoText() {
        for (String json : List.of("42", "1e999999", "99999999999999999999", "true", "false", "[\"a\"]", "{}")) {
            assertThatThrownBy(() -> asText(json)).as(json).isInstanceOf(JsonbException.class);
        }
    }
}
