package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe tokens: {@code base64url(customerId:purpose).base64url(HMAC-SHA256)}. A
 * token names one customer and one consent; only the holder of the secret can make one, so a link
 * withdraws the consent of the customer it was sent to and nobody else's. Tokens do not expire (an
 * old e-mail's link must still work).
 */
public final class UnsubscribeLinks {

    /** What a token says. */
    public record Subject(CustomerId customerId, ConsentPurpose purpose) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    /** @param secret the signing secret, at least 16 characters */
    public UnsubscribeLinks(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the unsubscribe link secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the token for this customer and consent */
    public String token(CustomerId customerId, ConsentPurpose purpose) {
        String payload = ENCODER.encodeToString((customerId + ":" + purpose.name()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * @param token a token from a link
     * @return what it says
     * @throws UnsubscribeLinkInvalidException when this service did not sign it
     */
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
