package dev.loyalty.adapters.messaging.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of the HMAC-SHA1, keyed with the
 * auth token, of the callback URL followed by each POST parameter's name and value, in name order.
 */
public final class TwilioSignature {

    private TwilioSignature() {}

    /** @return the signature Twilio sends for these parameters posted to {@code url} */
    public static String of(String authToken, String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** @return whether {@code signature} is Twilio's for this request */
    public static boolean matches(String signature, String authToken, String url, Map<String, String> parameters) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(
                signature.strip().getBytes(StandardCharsets.UTF_8),
                of(authToken, url, parameters).getBytes(StandardCharsets.UTF_8));
    }
}
