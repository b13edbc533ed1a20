package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeJsonBodyTest {

    private static void check(String body) {
        WholeJsonBody.check(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneObjectOrArrayWithWhitespaceAroundPasses() {
        for (String body : List.of("{}", " {\"a\": [1, {\"b\": null}]}\n", "[1, 2]", "{\"s\": \"} {\"}")) {
            assertThatCode(() -> check(body)).as(body).doesNotThrowAnyException();
        }
    }

    @Test
    void trailingTextOrABareValueIsRefused() {
        for (String body : List.of(
                "{} {}",
                "{}x",
                "[] []",
                "{\"a\": 1}}",
                "null",
                "42",
                "\"text\"",
                "true",
                "{\"a\": ",
                "{\"a\": [1, ",
                "[",
                "{\"a\"")) {
            // a body cut short once made the check spin for ever: each must end at once
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(5),
                    () -> assertThatThrownBy(() -> check(body)).as(body).isInstanceOf(JsonbException.class));
        }
    }

    @Test
    void deepNestingIsRefusedAsMalformed() {
        assertThatThrownBy(() -> check("[".repeat(10_000) + "]".repeat(10_000)))
                .isInstanceOf(JsonbException.class)
                .hasCauseInstanceOf(jakarta.json.stream.JsonParsingException.class);
    }
}
