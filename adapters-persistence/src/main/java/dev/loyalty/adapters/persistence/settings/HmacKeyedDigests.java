package dev.loyalty.adapters.persistence.settings;

import dev.loyalty.application.shared.KeyedDigests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyed digests, HMAC-SHA256 with {@code loyalty.hash-secret} ({@code LOYALTY_HASH_SECRET}, the same
 * on every instance and never changed: a referral's contact is recognised by it). Without it a
 * development secret is used, with a warning; the launcher refuses that with an external database
 * unless {@code LOYALTY_DEV_KEYS=true}.
 */
@ApplicationScoped
public class HmacKeyedDigests implements KeyedDigests {

    /** The secret used when none is configured: fine for a demo on the embedded database only. */
    public static final String DEVELOPMENT_SECRET = "development-only-hash-secret";

    private static final Logger LOG = Logger.getLogger(HmacKeyedDigests.class.getName());

    private final SecretKeySpec key;

    /** For CDI's proxy only. */
    protected HmacKeyedDigests() {
        this.key = null;
    }

    /** @param secret the key, at least 16 characters */
    @Inject
    public HmacKeyedDigests(
            @ConfigProperty(name = "loyalty.hash-secret", defaultValue = DEVELOPMENT_SECRET) String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException(
                    "LOYALTY_HASH_SECRET (loyalty.hash-secret) must have at least 16" + " characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            LOG.warning("loyalty.hash-secret (LOYALTY_HASH_SECRET) is not set: referred contacts and verification"
                    + " codes are digested with a development secret anyone can read; set it in production");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String digest(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
