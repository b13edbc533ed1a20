package dev.loyalty.adapters.messaging.sms;

import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Before the body of a {@link SignedByTwilio} endpoint is read: a request without an {@code
 * X-Twilio-Signature} header, or while no callback URL and auth token are configured, is refused
 * (403). The signature covers the body, so the endpoint itself checks it once the body (small: see
 * the body size limit) is read.
 */
@Provider
@SignedByTwilio
@Priority(Priorities.AUTHENTICATION)
public class TwilioSignatureCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String signature = request.getHeaderString("X-Twilio-Signature");
        if (signature == null
                || signature.isBlank()
                || setting("loyalty.sms.twilio.status-callback-url").isEmpty()
                || setting("loyalty.sms.twilio.auth-token").isEmpty()) {
            throw new AccessDeniedException("the request does not carry a valid Twilio signature");
        }
    }

    private static Optional<String> setting(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).filter(value -> !value.isBlank());
    }
}
