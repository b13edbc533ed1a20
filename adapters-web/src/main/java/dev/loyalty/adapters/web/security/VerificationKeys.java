package dev.loyalty.adapters.web.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The RSA keys that sign the API's tokens, as MicroProfile JWT configures them: inline ({@code
 * mp.jwt.verify.publickey}) or at {@code mp.jwt.verify.publickey.location} (a {@code file:}, {@code
 * http(s):} or {@code classpath:} URL, a file path, else a class-path resource), each a PEM public
 * key, a JWK, a JWK set or base64 DER. The keys are parsed once and read again {@link #TTL} after
 * (an identity provider rotates them), or at once - at most every {@link #RETRY} - when a token
 * names a key id not seen yet or the last read failed.
 */
final class VerificationKeys {

    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(10);

    /** A key of a PEM or DER source: it signs tokens of any key id. */
    static final String ANY_KID = "";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Long before any clock reading, without overflowing a difference. */
    private static final long NEVER = Long.MIN_VALUE / 4;

    private final Optional<String> inline;
    private final Optional<String> location;
    private final LongSupplier millis;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long readAt = NEVER;
    private volatile long lastAttempt = NEVER;
    private volatile String failure = "the verification keys were not read yet";

    VerificationKeys(Optional<String> inline, Optional<String> location, LongSupplier millis) {
        this.inline = inline.map(String::strip).filter(s -> !s.isEmpty());
        this.location = location.map(String::strip).filter(s -> !s.isEmpty());
        this.millis = millis;
    }

    /** A key and the set it was picked from (see {@link #stillRead}). */
    record Found(PublicKey key, Object set) {}

    /**
     * @param kid the token's key id, or {@code null}
     * @return the key to verify with, and the keys read it belongs to
     * @throws TokenVerifier.Refused when no key fits (or none could be read)
     */
    Found find(String kid) throws TokenVerifier.Refused {
        long now = millis.getAsLong();
        Map<String, PublicKey> known = keys;
        if (known.isEmpty() || now - readAt >= TTL.toMillis()) {
            known = reload(now, known.isEmpty());
        }
        PublicKey key = pick(known, kid);
        if (key == null && kid != null && now - lastAttempt >= RETRY.toMillis()) {
            known = reload(now, true);
            key = pick(known, kid);
        }
        if (key == null) {
            throw new TokenVerifier.Refused(
                    known.isEmpty() ? failure : "no verification key " + (kid == null ? "without an id" : kid));
        }
        return new Found(key, known);
    }

    /** Whether {@code set} is still the keys read last, reading them again first if they are older than {@link #TTL}. */
    boolean stillRead(Object set) {
        long now = millis.getAsLong();
        if (now - readAt >= TTL.toMillis()) {
            reload(now, false);
        }
        return keys == set;
    }

    private static PublicKey pick(Map<String, PublicKey> keys, String kid) {
        PublicKey key = kid == null ? null : keys.get(kid);
        if (key == null) {
            key = keys.get(ANY_KID);
        }
        if (key == null && kid == null && keys.size() == 1) {
            key = keys.values().iterator().next();
        }
        return key;
    }

    private synchronized Map<String, PublicKey> reload(long now, boolean urgent) {
        if (!keys.isEmpty() && now - readAt < TTL.toMillis() && !urgent) {
            return keys;
        }
        if (now - lastAttempt < RETRY.toMillis()) {
            return keys;
        }
        lastAttempt = now;
        try {
            Map<String, PublicKey> read = parse(source());
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no RSA key in it");
            }
            keys = read;
            readAt = now;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failure = "the verification keys cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            // a key read before stays until its source answers again
            readAt = keys.isEmpty() ? NEVER : now - TTL.toMillis() + RETRY.toMillis();
        }
        return keys;
    }

    private String source() throws IOException {
        if (inline.isPresent()) {
            return inline.get();
        }
        String where = location.orElseThrow(
                () -> new IOException("neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location is set"));
        int colon = where.indexOf(':');
        String scheme = colon > 1 ? where.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        switch (scheme) {
            case "file":
                return Files.readString(Path.of(URI.create(where)));
            case "http", "https":
                return fetch(URI.create(where));
            case "classpath":
                return resource(where.substring(colon + 1));
            default:
                Path path = Path.of(where);
                return Files.isRegularFile(path) ? Files.readString(path) : resource(where);
        }
    }

    private static String fetch(URI uri) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri.getHost() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String resource(String name) throws IOException {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
                (loader != null ? loader : VerificationKeys.class.getClassLoader()).getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no class-path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The keys of a PEM key, a JWK, a JWK set or base64 DER, by key id. */
    static Map<String, PublicKey> parse(String text) throws GeneralSecurityException {
        String value = text.strip();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (value.startsWith("{")) {
            JsonObject json;
            try (JsonReader reader = Json.createReader(new StringReader(value))) {
                json = reader.readObject();
            }
            if (json.containsKey("keys")) {
                for (JsonValue jwk : json.getJsonArray("keys")) {
                    if (jwk instanceof JsonObject o) {
                        jwk(o, keys);
                    }
                }
            } else {
                jwk(json, keys);
            }
            return keys;
        }
        String base64 = value.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        keys.put(ANY_KID, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        return keys;
    }

    private static void jwk(JsonObject jwk, Map<String, PublicKey> keys) throws GeneralSecurityException {
        if (!"RSA".equals(jwk.getString("kty", ""))) {
            return;
        }
        String use = jwk.getString("use", "sig");
        if (!"sig".equals(use)) {
            return;
        }
        Base64.Decoder url = Base64.getUrlDecoder();
        BigInteger n = new BigInteger(1, url.decode(jwk.getString("n")));
        BigInteger e = new BigInteger(1, url.decode(jwk.getString("e")));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        keys.put(jwk.getString("kid", ANY_KID), key);
    }
}
