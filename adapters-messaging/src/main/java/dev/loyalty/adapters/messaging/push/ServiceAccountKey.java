package dev.loyalty.adapters.messaging.push;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google service account's JSON key file, as far as FCM needs it: the account ({@code
 * client_email}), its RSA private key ({@code private_key}, PKCS#8 PEM), where access tokens are
 * issued ({@code token_uri}) and the Firebase project ({@code project_id}). Reading it refuses,
 * with one line that names the setting and the field, a file that cannot serve: unreadable, not
 * JSON, a field missing, a key that is not an RSA PKCS#8 key. Its {@link #toString()} shows the
 * project only.
 *
 * @param clientEmail the service account (the assertion's issuer)
 * @param privateKey its private key
 * @param privateKeyId the key's id ({@code private_key_id}, the assertion's {@code kid}), if given
 * @param tokenUri the OAuth 2 token endpoint
 * @param projectId the Firebase project
 */
public record ServiceAccountKey(
        String clientEmail, RSAPrivateKey privateKey, Optional<String> privateKeyId, URI tokenUri, String projectId) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** Checks the components. */
    public ServiceAccountKey {
        Objects.requireNonNull(clientEmail, "clientEmail");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(privateKeyId, "privateKeyId");
        Objects.requireNonNull(tokenUri, "tokenUri");
        Objects.requireNonNull(projectId, "projectId");
    }

    /**
     * @param file the key file
     * @param setting the setting that named it, for the refusal's line
     * @return the key
     * @throws IllegalArgumentException when the file cannot serve (one line, no secret in it)
     */
    public static ServiceAccountKey read(Path file, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    setting + ": cannot read the service account key file " + file + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    setting + ": " + file + " is not a service account key file (not a JSON object)", e);
        }
        String clientEmail = field(json, "client_email", file, setting);
        String pem = field(json, "private_key", file, setting);
        String tokenUri = field(json, "token_uri", file, setting);
        String projectId = field(json, "project_id", file, setting);
        URI uri;
        try {
            uri = URI.create(tokenUri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": token_uri of " + file + " is not a URL", e);
        }
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(setting + ": token_uri of " + file + " is not an http(s) URL");
        }
        Optional<String> keyId = Optional.ofNullable(json.get("private_key_id"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((JsonString) v).getString())
                .filter(s -> !s.isBlank());
        return new ServiceAccountKey(clientEmail, privateKey(pem, file, setting), keyId, uri, projectId);
    }

    private static String field(JsonObject json, String name, Path file, String setting) {
        JsonValue value = json.get(name);
        if (value == null
                || value.getValueType() != JsonValue.ValueType.STRING
                || ((JsonString) value).getString().isBlank()) {
            throw new IllegalArgumentException(setting + ": the service account key file " + file + " has no " + name);
        }
        return ((JsonString) value).getString().strip();
    }

    private static RSAPrivateKey privateKey(String pem, Path file, String setting) {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(
                    setting + ": private_key of " + file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    setting + ": private_key of " + file + " is not a readable RSA private key", e);
        }
    }

    /** The project only: no key, no account. */
    @Override
    public String toString() {
        return "ServiceAccountKey[project=" + projectId + "]";
    }
}
