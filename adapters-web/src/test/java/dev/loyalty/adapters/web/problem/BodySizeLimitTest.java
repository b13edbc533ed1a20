package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    /** An endless body, as a chunked request without Content-Length may be. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[BodySizeLimit.MAX_BYTES];
        try (InputStream in = new BodySizeLimit.Bounded(new ByteArrayInputStream(body), BodySizeLimit.MAX_BYTES)) {
            assertThat(in.readAllBytes()).hasSize(BodySizeLimit.MAX_BYTES);
        }
    }

    @Test
    void readingPastTheLimitFailsWithoutReadingTheRest() {
        BodySizeLimit.Bounded in = new BodySizeLimit.Bounded(endless(), 1024);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(BodySizeLimit.TooLarge.class);
    }

    @Test
    void byteByByteReadsAreCountedToo() throws IOException {
        BodySizeLimit.Bounded in = new BodySizeLimit.Bounded(endless(), 3);
        in.read();
        in.read();
        in.read();

        assertThatThrownBy(in::read).isInstanceOf(BodySizeLimit.TooLarge.class);
    }

    @Test
    void theFailureIsFoundThroughTheJsonParsersWrapping() {
        InputStream json = new java.io.SequenceInputStream(
                new ByteArrayInputStream("[\"".getBytes(StandardCharsets.UTF_8)), endless());

        assertThatThrownBy(() -> Json.createReader(new InputStreamReader(
                                new BodySizeLimit.Bounded(json, 64 * 1024), StandardCharsets.UTF_8))
                        .read())
                .isInstanceOf(JsonException.class)
                .satisfies(failure -> assertThat(Causes.find(failure, BodySizeLimit.TooLarge.class))
                        .isPresent());
    }

    @Test
    void theTwilioCallbackHasASmallLimitAndImportsNone() {
        assertThat(BodySizeLimit.limitFor("/gateways/twilio/status")).isEqualTo(16 * 1024);
        assertThat(BodySizeLimit.limitFor("customers")).isEqualTo(256 * 1024);
        assertThat(BodySizeLimit.isFileImport("/imports/receipts")).isTrue();
        assertThat(BodySizeLimit.isFileImport("products/import")).isTrue();
        assertThat(BodySizeLimit.isFileImport("products")).isFalse();
    }
}
