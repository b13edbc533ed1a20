package dev.loyalty.adapters.web.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs an administrator's RS256 token with the private half of the embedded run's development key
 * pair ({@code <dataDir>/dev-jwt/private-key.pem}, made by the launcher; the same claims as its
 * {@code token admin} command). Exists only where that directory was named to the service.
 */
final class DevelopmentTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Path privateKey;
    private final String issuer;
    private final String audience;

    /** @param audience the {@code aud} the tokens carry, or {@code null} for none */
    DevelopmentTokens(Path keyDirectory, String issuer, String audience) {
        this.privateKey = keyDirectory.resolve("private-key.pem");
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Whether the private key is there to sign with. */
    boolean usable() {
        return Files.isReadable(privateKey);
    }

    /** An admin token for {@code subject}, valid from {@code now} for {@code ttl}. */
    String admin(String subject, Instant now, Duration ttl) {
        String aud = audience == null ? "" : "\"aud\":[\"" + audience.replace("\"", "") + "\"],";
        String claims = "{" + aud + "\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"admin\"],\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(ttl).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private PrivateKey key() throws GeneralSecurityException {
        try {
            String pem = Files.readString(privateKey)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
