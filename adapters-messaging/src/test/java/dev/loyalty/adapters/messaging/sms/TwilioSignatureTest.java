package dev.loyalty.adapters.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The example of Twilio's own documentation on validating requests. */
    @Test
    void matchesTwilioDocumentedExample() {
        Map<String, String> parameters = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+12349013030",
                "Digits", "1234",
                "From", "+12349013030",
                "To", "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        assertThat(TwilioSignature.of("12345", url, parameters)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345", url, parameters))
                .isTrue();
        assertThat(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgR=", "12345", url, parameters))
                .isFalse();
        assertThat(TwilioSignature.matches(null, "12345", url, parameters)).isFalse();
    }
}
