package dev.loyalty.application.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A request made under a key: whose key it is (keys are scoped per client, so two tills may use the
 * same key) and a fingerprint of what was asked (the operation and its body).
 *
 * @param scope the client, e.g. {@code TERMINAL/MI-001/till-7}
 * @param key the client's key
 * @param fingerprint a digest of the operation and body; the same key with another fingerprint is
 *     another request
 */
public record IdempotentRequest(String scope, IdempotencyKey key, String fingerprint) {

    /** Checks the components. */
    public IdempotentRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** @return the record's key: the SHA-256 of scope and key, 64 hex digits */
    public String keyHash() {
        return sha256(scope + "\n" + key.value());
    }

    /**
     * @param text any text
     * @return its SHA-256, 64 lower-case hex digits
     */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
