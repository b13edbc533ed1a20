package dev.loyalty.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair KEYS = pair();
    private static final KeyPair OTHER_KEYS = pair();
    private static final long SKEW = 60;
    private static final int LIMIT = 8;

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();

    private BearerTokens tokens(Set<String> audiences) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        VerificationKeys keys = new VerificationKeys(Optional.of(pem), Optional.empty(), clock::millis);
        // ticking by the microsecond, as the application's clock does (whose millis() JDK 17 cannot give)
        return new BearerTokens(
                new TokenVerifier(keys, Optional.of("loyalty-test"), audiences, SKEW),
                Clock.tick(clock, Duration.ofNanos(1_000)),
                LIMIT);
    }

    private BearerTokens tokens() {
        return tokens(Set.of("loyalty"));
    }

    private String claims(String issuer, String audience, String role, Instant issued, Duration ttl) {
        return "{\"iss\":\"" + issuer + "\"" + (audience == null ? "" : ",\"aud\":[\"" + audience + "\"]")
                + ",\"sub\":\"till-1\",\"upn\":\"till-1\",\"groups\":[\"" + role + "\"],\"store_id\":\"MI-001\""
                + ",\"iat\":" + issued.getEpochSecond() + ",\"exp\":"
                + issued.plus(ttl).getEpochSecond()
                + ",\"jti\":\"j-" + issued.toEpochMilli() + role + "\"}";
    }

    private static String signed(String header, String claims, PrivateKey key) throws Exception {
        String input = URL64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + URL64.encodeToString(rsa.sign());
    }

    private String mint(String role, Duration ttl) throws Exception {
        return signed(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                claims("loyalty-test", "loyalty", role, clock.now, ttl),
                KEYS.getPrivate());
    }

    @Test
    void aValidTokenIsVerifiedOnceAndRememberedWithItsClaims() throws Exception {
        BearerTokens tokens = tokens();
        String raw = mint("terminal", Duration.ofMinutes(30));

        VerifiedToken first = tokens.verified(raw).orElseThrow();
        VerifiedToken again = tokens.verified(new String(raw.toCharArray())).orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(tokens.remembered()).isEqualTo(1);
        assertThat(first.getSubject()).isEqualTo("till-1");
        assertThat(first.getName()).isEqualTo("till-1");
        assertThat(first.getGroups()).containsExactly("terminal");
        assertThat(first.getIssuer()).isEqualTo("loyalty-test");
        assertThat(first.getAudience()).containsExactly("loyalty");
        assertThat(first.getTokenID()).startsWith("j-");
        assertThat(first.getExpirationTime() - first.getIssuedAtTime()).isEqualTo(1800);
        assertThat(first.<Object>getClaim("store_id").toString()).isEqualTo("\"MI-001\"");
        assertThat(first.getRawToken()).isEqualTo(raw);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsRotatedOutOfTheSource() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("keys", ".pem");
        try {
            java.nio.file.Files.writeString(file, pem(KEYS));
            VerificationKeys keys = new VerificationKeys(Optional.empty(), Optional.of(file.toString()), clock::millis);
            BearerTokens tokens = new BearerTokens(
                    new TokenVerifier(keys, Optional.of("loyalty-test"), Set.of("loyalty"), SKEW),
                    Clock.tick(clock, Duration.ofNanos(1_000)),
                    LIMIT);
            String raw = mint("terminal", Duration.ofHours(8));
            assertThat(tokens.verified(raw)).isPresent();
            assertThat(tokens.verified(raw)).isPresent();

            clock.now = clock.now.plus(VerificationKeys.TTL);
            assertThat(tokens.verified(raw))
                    .as("the same key read again: verified again and accepted")
                    .isPresent();
            assertThat(tokens.remembered()).isEqualTo(1);

            java.nio.file.Files.writeString(file, pem(OTHER_KEYS));
            clock.now = clock.now.plusSeconds(1);
            assertThat(tokens.verified(raw))
                    .as("within the keys' time to live: still remembered")
                    .isPresent();
            clock.now = clock.now.plus(VerificationKeys.TTL);
            assertThat(tokens.verified(raw))
                    .as("its key rotated out of the source: refused though remembered and unexpired")
                    .isEmpty();
            assertThat(tokens.remembered()).isZero();
            assertThat(tokens.verified(signed(
                            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                            claims("loyalty-test", "loyalty", "terminal", clock.now, Duration.ofHours(1)),
                            OTHER_KEYS.getPrivate())))
                    .as("a token of the new key")
                    .isPresent();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aTokenRememberedBeforeItsExpiryIsRefusedOnceExpiredWithTheLeeway() throws Exception {
        BearerTokens tokens = tokens();
        String raw = mint("admin", Duration.ofMinutes(5));
        assertThat(tokens.verified(raw)).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(SKEW - 1);
        assertThat(tokens.verified(raw)).as("within the leeway").isPresent();

        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.verified(raw)).as("expired, though remembered").isEmpty();
        assertThat(tokens.remembered()).isZero();
        assertThat(tokens.verified(raw))
                .as("and verified again from scratch: still expired")
                .isEmpty();
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhileTheGenuineOneIsRemembered() throws Exception {
        BearerTokens tokens = tokens();
        String genuine = mint("customer", Duration.ofMinutes(30));
        assertThat(tokens.verified(genuine)).isPresent();
        String[] parts = genuine.split("\\.");
        String promoted =
                URL64.encodeToString(claims("loyalty-test", "loyalty", "admin", clock.now, Duration.ofMinutes(30))
                        .getBytes(StandardCharsets.UTF_8));

        String tampered = parts[0] + "." + promoted + "." + parts[2];
        String flippedSignature =
                parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);

        assertThat(tokens.verified(tampered)).isEmpty();
        assertThat(tokens.verified(flippedSignature)).isEmpty();
        assertThat(tokens.verified(genuine + "x")).isEmpty();
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void anotherKeyIssuerOrAudienceOrAlgorithmIsRefused() throws Exception {
        BearerTokens tokens = tokens();
        String rs256 = "{\"alg\":\"RS256\"}";
        Duration hour = Duration.ofMinutes(60);

        assertThat(tokens.verified(signed(
                        rs256, claims("loyalty-test", "loyalty", "admin", clock.now, hour), OTHER_KEYS.getPrivate())))
                .as("signed by another key")
                .isEmpty();
        assertThat(tokens.verified(
                        signed(rs256, claims("someone-else", "loyalty", "admin", clock.now, hour), KEYS.getPrivate())))
                .as("another issuer")
                .isEmpty();
        assertThat(tokens.verified(signed(
                        rs256, claims("loyalty-test", "elsewhere", "admin", clock.now, hour), KEYS.getPrivate())))
                .as("another audience")
                .isEmpty();
        assertThat(tokens.verified(
                        signed(rs256, claims("loyalty-test", null, "admin", clock.now, hour), KEYS.getPrivate())))
                .as("no audience")
                .isEmpty();
        String none = URL64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL64.encodeToString(claims("loyalty-test", "loyalty", "admin", clock.now, hour)
                        .getBytes(StandardCharsets.UTF_8))
                + ".";
        assertThat(tokens.verified(none)).as("alg none").isEmpty();
        assertThat(tokens.verified(signed(
                        "{\"alg\":\"HS256\"}",
                        claims("loyalty-test", "loyalty", "admin", clock.now, hour),
                        KEYS.getPrivate())))
                .as("another algorithm named")
                .isEmpty();
        assertThat(tokens.verified(signed(rs256, "[1]", KEYS.getPrivate())))
                .as("claims not an object")
                .isEmpty();
        assertThat(tokens.verified("not-a-token")).isEmpty();
        assertThat(tokens.remembered()).isZero();
        assertThat(tokens(Set.of())
                        .verified(signed(
                                rs256, claims("loyalty-test", null, "admin", clock.now, hour), KEYS.getPrivate())))
                .as("no audience configured: none checked")
                .isPresent();
    }

    @Test
    void theRememberedTokensAreBoundedExpiredOnesDroppedFirst() throws Exception {
        BearerTokens tokens = tokens();
        for (int i = 0; i < LIMIT - 1; i++) {
            clock.now = clock.now.plusMillis(1);
            assertThat(tokens.verified(mint("admin", Duration.ofMinutes(1)))).isPresent();
        }
        String lasting = mint("terminal", Duration.ofMinutes(30));
        assertThat(tokens.verified(lasting)).isPresent();
        assertThat(tokens.remembered()).isEqualTo(LIMIT);

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(tokens.verified(mint("customer", Duration.ofMinutes(30)))).isPresent();
        assertThat(tokens.remembered()).as("the expired ones dropped").isEqualTo(2);

        for (int i = 0; i < 3 * LIMIT; i++) {
            clock.now = clock.now.plusMillis(1);
            assertThat(tokens.verified(mint("admin", Duration.ofMinutes(30)))).isPresent();
            assertThat(tokens.remembered()).isBetween(1, LIMIT);
        }
        assertThat(tokens.verified(lasting)).as("forgotten, verified again").isPresent();
    }

    @Test
    void aJwkSetIsReadAndTheKeyPickedByItsId() throws Exception {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) KEYS.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"n\":\""
                + URL64.encodeToString(unsigned(rsa.getModulus())) + "\",\"e\":\""
                + URL64.encodeToString(unsigned(rsa.getPublicExponent())) + "\"}]}";
        VerificationKeys keys = new VerificationKeys(Optional.of(jwks), Optional.empty(), clock::millis);
        BearerTokens tokens =
                new BearerTokens(new TokenVerifier(keys, Optional.of("loyalty-test"), Set.of(), SKEW), clock, LIMIT);
        String claims = claims("loyalty-test", "loyalty", "admin", clock.now, Duration.ofMinutes(5));

        assertThat(tokens.verified(signed("{\"alg\":\"RS256\",\"kid\":\"k1\"}", claims, KEYS.getPrivate())))
                .isPresent();
        assertThat(tokens.verified(signed("{\"alg\":\"RS256\",\"kid\":\"k2\"}", claims, KEYS.getPrivate())))
                .as("a key id the set does not hold")
                .isEmpty();
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
