package dev.loyalty.domain.campaign;

import dev.loyalty.domain.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The control group, random but deterministic per (campaign, customer): HMAC-SHA256 keyed with the
 * campaign's own random key over {@code <campaignId>:<customerId>}; the first 8 bytes as an
 * unsigned number modulo 10,000 below {@code percent * 100} put the customer in control. A rerun, a
 * second instance and the evaluation therefore agree, and nobody can tell who is held out without
 * the key.
 *
 * @param key the campaign's key, 64 hex characters
 * @param percent the share held out, 0 to 50
 */
public record Holdout(String key, int percent) {

    public static final int MAX_PERCENT = 50;

    public Holdout {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a holdout key is 64 lowercase hex characters");
        }
        if (percent < 0 || percent > MAX_PERCENT) {
            throw new IllegalArgumentException("a holdout is 0 to " + MAX_PERCENT + " percent");
        }
    }

    /** @return a new random key (256 bits, hex) */
    public static String newKey(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** @return whether the customer is in the campaign's control group */
    public boolean holdsOut(CampaignId campaign, CustomerId customer) {
        if (percent == 0) {
            return false;
        }
        return bucket(campaign, customer) < percent * 100L;
    }

    /**
     * @return the customer's bucket, 0 to 9,999 (public so that a set-based computation of the same
     *     hash, in SQL, can be proven equal to this one)
     */
    public long bucket(CampaignId campaign, CustomerId customer) {
        byte[] digest =
                hmacSha256(HexFormat.of().parseHex(key), (campaign + ":" + customer).getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (digest[i] & 0xff);
        }
        return Long.remainderUnsigned(head, 10_000);
    }

    /** HMAC-SHA256 (RFC 2104) over {@link MessageDigest}: the domain uses no javax.crypto. */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64];
            byte[] shortKey = key.length > 64 ? sha.digest(key) : key;
            System.arraycopy(shortKey, 0, block, 0, shortKey.length);
            byte[] inner = new byte[64];
            byte[] outer = new byte[64];
            for (int i = 0; i < 64; i++) {
                inner[i] = (byte) (block[i] ^ 0x36);
                outer[i] = (byte) (block[i] ^ 0x5c);
            }
            sha.reset();
            sha.update(inner);
            byte[] innerHash = sha.digest(message);
            sha.update(outer);
            return sha.digest(innerHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
