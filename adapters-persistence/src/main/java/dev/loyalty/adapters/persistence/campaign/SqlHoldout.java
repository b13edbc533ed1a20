package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import java.util.HexFormat;

/**
 * {@link Holdout}'s keyed hash as a SQL expression, so that a run decides its control group in the
 * database: HMAC-SHA256 (RFC 2104) over {@code <campaignId>:<customerId>} written with MariaDB's
 * {@code SHA2}, the key's inner and outer pads (the 32-byte key padded to SHA-256's 64-byte block,
 * XOR 0x36 and 0x5c) computed here, the digest's first 8 bytes as an unsigned number ({@code CONV}
 * works in 64 unsigned bits) modulo 10,000. {@code SqlHoldoutIT} proves it equal to the Java hash.
 * The expression carries only hex and a campaign id (both validated), no text from outside.
 */
public final class SqlHoldout {

    private SqlHoldout() {}

    /** @return the bucket (0 to 9,999) of the customer whose id is in {@code customerColumn} */
    public static String bucket(Holdout holdout, CampaignId campaign, String customerColumn) {
        byte[] key = HexFormat.of().parseHex(holdout.key());
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < key.length ? key[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        String prefix = CampaignId.parse(campaign.toString()) + ":";
        return "(CAST(CONV(LEFT(SHA2(CONCAT(UNHEX('" + HexFormat.of().formatHex(outer) + "'), UNHEX(SHA2(CONCAT(UNHEX('"
                + HexFormat.of().formatHex(inner) + "'), CONCAT('" + prefix + "', " + customerColumn
                + ")), 256))), 256), 16), 16, 10) AS UNSIGNED) MOD 10000)";
    }

    /** @return a condition true when the customer is held out (never, at 0 %) */
    public static String holdsOut(Holdout holdout, CampaignId campaign, String customerColumn) {
        if (holdout.percent() == 0) {
            return "FALSE";
        }
        return "(" + bucket(holdout, campaign, customerColumn) + " < " + (holdout.percent() * 100L) + ")";
    }
}
