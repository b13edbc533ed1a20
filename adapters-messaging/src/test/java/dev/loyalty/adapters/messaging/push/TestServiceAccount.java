package dev.loyalty.adapters.messaging.push;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A service account key pair made for a test, and its JSON key file as Google writes one. */
final class TestServiceAccount {

    static final String CLIENT_EMAIL = "loyalty-push@shop-test.iam.gserviceaccount.com";

    final KeyPair keys;

    TestServiceAccount() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Writes the key file with every field, its token endpoint at {@code tokenUri}. */
    Path write(Path dir, String tokenUri) {
        return writeJson(
                dir,
                Json.createObjectBuilder()
                        .add("type", "service_account")
                        .add("project_id", "shop-test")
                        .add("private_key_id", "0123456789abcdef")
                        .add("private_key", privateKeyPem())
                        .add("client_email", CLIENT_EMAIL)
                        .add("client_id", "1234567890")
                        .add("token_uri", tokenUri)
                        .build()
                        .toString());
    }

    static Path writeJson(Path dir, String json) {
        try {
            Path file = Files.createTempFile(dir, "service-account", ".json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
