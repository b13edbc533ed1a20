package dev.loyalty.domain.campaign;

import dev.loyalty.domain.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /** @return the customer's bucket, 0 to 9,999 */
    long bucket(CampaignId campaign, CustomerId customer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            byte[] digest = mac.doFinal((campaign + ":" + customer).getBytes(StandardCharsets.UTF_8));
            long head = 0;
            for (int i = 0; i < 8; i++) {
                head = (head << 8) | (digest[i] & 0xff);
            }
            return Long.remainderUnsigned(head, 10_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
