package dev.loyalty.adapters.web.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a bearer token as MicroProfile JWT does: a JWS in compact form signed RS256 by one of the
 * {@link VerificationKeys}, with the configured issuer ({@code iss}), one of the configured
 * audiences ({@code aud}) when audiences are set, an expiry ({@code exp}) not passed and an issue
 * time ({@code iat}), a {@code nbf} not to come - times with {@code skewSeconds} of leeway.
 */
final class TokenVerifier {

    /** Why a token is refused; without a stack trace (a refusal is the client's, and cheap). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Base64.Decoder URL64 = Base64.getUrlDecoder();

    private final VerificationKeys keys;
    private final Optional<String> issuer;
    private final Set<String> audiences;
    private final long skewSeconds;

    TokenVerifier(VerificationKeys keys, Optional<String> issuer, Set<String> audiences, long skewSeconds) {
        this.keys = keys;
        this.issuer = issuer.map(String::strip).filter(s -> !s.isEmpty());
        this.audiences = Set.copyOf(audiences);
        this.skewSeconds = skewSeconds;
    }

    /**
     * @param raw the token as sent after {@code Bearer }
     * @param nowSeconds the time, epoch seconds
     * @return the verified token
     * @throws Refused why it is not accepted
     */
    VerifiedToken verify(String raw, long nowSeconds) throws Refused {
        int first = raw.indexOf('.');
        int second = first < 0 ? -1 : raw.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == raw.length() - 1 || raw.indexOf('.', second + 1) >= 0) {
            throw new Refused("not a signed JWT in compact form");
        }
        JsonObject header = json(raw.substring(0, first), "header");
        String alg = header.get("alg") instanceof JsonString s ? s.getString() : null;
        if (!"RS256".equals(alg)) {
            throw new Refused("the algorithm " + alg + " is not RS256");
        }
        if (header.containsKey("crit")) {
            throw new Refused("critical header parameters are not supported");
        }
        String kid = header.get("kid") instanceof JsonString s ? s.getString() : null;
        VerificationKeys.Found found = keys.find(kid);
        PublicKey key = found.key();
        byte[] signature = decode(raw.substring(second + 1), "signature");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(raw.substring(0, second).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(signature)) {
                throw new Refused("invalid signature");
            }
        } catch (GeneralSecurityException e) {
            throw new Refused("invalid signature: " + e.getClass().getSimpleName());
        }
        JsonObject claims = json(raw.substring(first + 1, second), "claims");
        if (!(claims.get("exp") instanceof JsonNumber)) {
            throw new Refused("no expiry (exp)");
        }
        if (!(claims.get("iat") instanceof JsonNumber)) {
            throw new Refused("no issue time (iat)");
        }
        if (claims.containsKey("nbf") && !(claims.get("nbf") instanceof JsonNumber)) {
            throw new Refused("a not-before (nbf) that is no number");
        }
        VerifiedToken token = new VerifiedToken(raw, claims, found.set());
        if (issuer.isPresent() && !issuer.get().equals(token.getIssuer())) {
            throw new Refused("issued by " + token.getIssuer() + ", not by " + issuer.get());
        }
        if (!audiences.isEmpty()) {
            Set<String> aud = token.getAudience() == null ? Set.of() : token.getAudience();
            if (Collections.disjoint(aud, audiences)) {
                throw new Refused("for audience " + aud + ", none of " + audiences);
            }
        }
        String stale = staleness(token, nowSeconds);
        if (stale != null) {
            throw new Refused(stale);
        }
        return token;
    }

    /**
     * Whether a token verified before may still be used now (its expiry and not-before, with the
     * leeway): checked on every request that presents a remembered token.
     */
    boolean current(VerifiedToken token, long nowSeconds) {
        return staleness(token, nowSeconds) == null;
    }

    /**
     * Whether the keys a remembered token was verified with are still the ones read (read again when
     * older than {@link VerificationKeys#TTL}): a key rotated out of the source no longer vouches for
     * the tokens it verified - they are verified again against the keys read now.
     */
    boolean verifiedWithCurrentKeys(VerifiedToken token) {
        return keys.stillRead(token.keySet());
    }

    private String staleness(VerifiedToken token, long nowSeconds) {
        if (nowSeconds >= token.getExpirationTime() + skewSeconds) {
            return "expired";
        }
        JsonValue nbf = token.claims().get("nbf");
        if (nbf instanceof JsonNumber n && nowSeconds + skewSeconds < n.longValue()) {
            return "not valid yet (nbf)";
        }
        return null;
    }

    private static JsonObject json(String part, String what) throws Refused {
        byte[] bytes = decode(part, what);
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new Refused("the " + what + " is not a JSON object");
        }
    }

    private static byte[] decode(String part, String what) throws Refused {
        try {
            return URL64.decode(part);
        } catch (IllegalArgumentException e) {
            throw new Refused("the " + what + " is not base64url");
        }
    }
}
