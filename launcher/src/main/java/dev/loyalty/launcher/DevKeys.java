package dev.loyalty.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The development key pair of an embedded run: an RSA key generated once into
 * {@code <dataDir>/dev-jwt}, whose public half verifies the service's tokens and whose private half
 * mints demonstration tokens. Only used when no real verification key is configured (and by the
 * integration tests, which mint their tokens the same way).
 */
public final class DevKeys {

    static final String ISSUER = "loyalty-dev";

    /**
     * The audience ({@code aud}) of the development tokens, and the one the service checks when it
     * trusts the development keys and no {@code MP_JWT_VERIFY_AUDIENCES} is set.
     */
    public static final String AUDIENCE = "loyalty";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Path privateKey;
    private final Path publicKey;

    public DevKeys(Path dataDir) {
        Path dir = dataDir.resolve("dev-jwt");
        this.privateKey = dir.resolve("private-key.pem");
        this.publicKey = dir.resolve("public-key.pem");
    }

    /** Whether the pair has been generated (by the service's first start). */
    public boolean exist() {
        return Files.exists(privateKey) && Files.exists(publicKey);
    }

    /** Where the pair is kept. */
    public Path directory() {
        return privateKey.getParent();
    }

    /** The PEM file of the public key, generating the pair on first use. */
    public Path publicKeyFile() {
        ensureExists();
        return publicKey;
    }

    /** A signed RS256 token of {@code issuer} for {@code role}, valid for {@code ttl}. */
    public String mint(String issuer, String role, String subject, String storeId, Duration ttl) {
        return mint(issuer, role, subject, storeId, ttl, java.util.Map.of());
    }

    /**
     * A signed RS256 token with list claims besides, e.g. an integration's {@code store_ids} and
     * {@code channels}.
     */
    public String mint(
            String issuer,
            String role,
            String subject,
            String storeId,
            Duration ttl,
            java.util.Map<String, List<String>> listClaims) {
        return mint(issuer, AUDIENCE, role, subject, storeId, Instant.now(), ttl, listClaims);
    }

    /**
     * A signed RS256 token of {@code issuer} for {@code audience} (none if {@code null}), issued at
     * {@code issuedAt} and valid for {@code ttl} from then.
     */
    public String mint(
            String issuer,
            String audience,
            String role,
            String subject,
            String storeId,
            Instant issuedAt,
            Duration ttl,
            java.util.Map<String, List<String>> listClaims) {
        ensureExists();
        Instant now = issuedAt;
        List<String> claims = new ArrayList<>();
        claims.add(json("iss", issuer));
        if (audience != null) {
            claims.add("\"aud\":[\"" + escape(audience) + "\"]");
        }
        claims.add(json("sub", subject));
        claims.add(json("upn", subject));
        claims.add("\"groups\":[\"" + escape(role) + "\"]");
        if (storeId != null) {
            claims.add(json("store_id", storeId));
        }
        listClaims.forEach((name, values) -> claims.add("\"" + escape(name) + "\":["
                + String.join(
                        ",", values.stream().map(v -> "\"" + escape(v) + "\"").toList())
                + "]"));
        claims.add("\"iat\":" + now.getEpochSecond());
        claims.add("\"exp\":" + now.plus(ttl).getEpochSecond());
        claims.add(json("jti", UUID.randomUUID().toString()));
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = URL.encodeToString(("{" + String.join(",", claims) + "}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(readPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private synchronized void ensureExists() {
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(privateKey.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.deleteIfExists(privateKey);
            Files.createFile(
                    privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write development keys under " + privateKey.getParent(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate development keys", e);
        }
    }

    private RSAPrivateKey readPrivateKey() throws GeneralSecurityException {
        try {
            String pem = Files.readString(privateKey)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String json(String name, String value) {
        return "\"" + name + "\":\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
