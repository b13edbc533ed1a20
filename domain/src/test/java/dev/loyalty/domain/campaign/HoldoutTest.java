package dev.loyalty.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void the_same_campaign_key_and_customer_always_give_the_same_answer() {
        CampaignId campaign = CampaignId.newId();
        Holdout first = new Holdout(KEY, 30);
        Holdout second = new Holdout(KEY, 30);
        for (int i = 0; i < 200; i++) {
            CustomerId customer = CustomerId.newId();
            assertThat(second.holdsOut(campaign, customer)).isEqualTo(first.holdsOut(campaign, customer));
        }
    }

    @Test
    void about_the_percentage_is_held_out() {
        CampaignId campaign = CampaignId.newId();
        Holdout holdout = new Holdout(Holdout.newKey(new SecureRandom()), 50);
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            held += holdout.holdsOut(campaign, CustomerId.newId()) ? 1 : 0;
        }
        assertThat(held).isBetween(4_700, 5_300);
    }

    @Test
    void zero_percent_holds_out_nobody_and_another_key_draws_another_group() {
        CampaignId campaign = CampaignId.newId();
        Holdout none = new Holdout(KEY, 0);
        Holdout a = new Holdout(KEY, 50);
        Holdout b = new Holdout(KEY.replace('0', '1'), 50);
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            CustomerId customer = CustomerId.newId();
            assertThat(none.holdsOut(campaign, customer)).isFalse();
            differ += a.holdsOut(campaign, customer) != b.holdsOut(campaign, customer) ? 1 : 0;
        }
        assertThat(differ).isBetween(350, 650);
    }

    @Test
    void the_hmac_is_the_standard_one() throws Exception {
        for (String hexKey : new String[] {KEY, "0b".repeat(20), "aa".repeat(131)}) {
            byte[] key = java.util.HexFormat.of().parseHex(hexKey);
            byte[] message = "campaign:customer".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            assertThat(Holdout.hmacSha256(key, message)).isEqualTo(mac.doFinal(message));
        }
    }

    @Test
    void a_known_vector_stays_the_same_across_releases() {
        CampaignId campaign = new CampaignId(java.util.UUID.fromString("11111111-1111-1111-1111-111111111111"));
        CustomerId customer = new CustomerId(java.util.UUID.fromString("22222222-2222-2222-2222-222222222222"));
        long bucket = new Holdout(KEY, 10).bucket(campaign, customer);
        assertThat(bucket).isBetween(0L, 9_999L);
        assertThat(new Holdout(KEY, 10).bucket(campaign, customer)).isEqualTo(bucket);
    }
}
