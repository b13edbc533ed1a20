package dev.loyalty.application.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Real HMAC-SHA256 digests with a test secret, as the persistence adapter makes them. */
public final class TestDigests {

    private TestDigests() {}

    /** @return digests keyed with {@code secret} */
    public static KeyedDigests keyedWith(String secret) {
        return (purpose, value) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Keyed with a fixed test secret. */
    public static final KeyedDigests KEYED = keyedWith("test-secret-of-the-service");
}
