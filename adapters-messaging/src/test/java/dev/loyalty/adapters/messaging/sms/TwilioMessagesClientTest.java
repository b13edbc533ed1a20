package dev.loyalty.adapters.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TwilioMessagesClientTest {

    /**
     * The servlet container gives JAX-RS every class with {@code @Path} on the type or on a method
     * ({@code @HandlesTypes}); on this interface the service warned at each start and listed a bogus
     * {@code POST /api/v1//2010-04-01/...} endpoint.
     */
    @Test
    void carriesNoPathThatTheServicesOwnJaxRsWouldPickUp() {
        assertThat(TwilioMessagesClient.class.isAnnotationPresent(Path.class)).isFalse();
        assertThat(Arrays.stream(TwilioMessagesClient.class.getDeclaredMethods()))
                .noneMatch((Method method) -> method.isAnnotationPresent(Path.class));
    }

    @Test
    void pointsAtTheAccountsMessagesResource() {
        assertThat(TwilioMessagesClient.messagesUri("https://api.twilio.com/", "AC123"))
                .hasToString("https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(TwilioMessagesClient.messagesUri("http://127.0.0.1:9000/twilio", "AC 1/2"))
                .hasToString("http://127.0.0.1:9000/twilio/2010-04-01/Accounts/AC%201%2F2/Messages.json");
    }
}
