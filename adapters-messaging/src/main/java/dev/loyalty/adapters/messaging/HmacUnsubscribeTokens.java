package dev.loyalty.adapters.messaging;

import dev.loyalty.application.messaging.UnsubscribeLinkInvalidException;
import dev.loyalty.application.messaging.UnsubscribeTokens;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Unsubscribe tokens signed with HMAC-SHA256: {@code base64url(customerId:purpose).base64url(mac)},
 * keyed with {@code loyalty.messaging.link-secret} ({@code LOYALTY_MESSAGING_LINK_SECRET}, the same
 * on every instance); without it a development secret is used, with a warning.
 */
@ApplicationScoped
public class HmacUnsubscribeTokens implements UnsubscribeTokens {

    /** The secret used when none is configured: fine for a demo, never for production. */
    static final String DEVELOPMENT_SECRET = "development-only-unsubscribe-link-secret";

    private static final Logger LOG = Logger.getLogger(HmacUnsubscribeTokens.class.getName());

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    /** For CDI's proxy only. */
    protected HmacUnsubscribeTokens() {
        this.secret = null;
    }

    /** @param secret the signing secret, at least 16 characters */
    @Inject
    public HmacUnsubscribeTokens(
            @ConfigProperty(name = "loyalty.messaging.link-secret", defaultValue = DEVELOPMENT_SECRET) String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the unsubscribe link secret must have at least 16 characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            LOG.warning("loyalty.messaging.link-secret (LOYALTY_MESSAGING_LINK_SECRET) is not set: unsubscribe"
                    + " links are signed with a development secret anyone can read; set it in production");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String token(CustomerId customerId, ConsentPurpose purpose) {
        String payload = ENCODER.encodeToString((customerId + ":" + purpose.name()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    @Override
    public Subject verify(String token) {
        if (token == null || token.length() > 512) {
            throw new UnsubscribeLinkInvalidException();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new UnsubscribeLinkInvalidException();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                throw new UnsubscribeLinkInvalidException();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split(":", 2);
            return new Subject(CustomerId.parse(parts[0]), ConsentPurpose.valueOf(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new UnsubscribeLinkInvalidException();
        } catch (dev.loyalty.domain.shared.InvalidValueException e) {
            throw new UnsubscribeLinkInvalidException();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
