package dev.loyalty.adapters.web.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer token whose signature, issuer, audience and times were checked ({@link TokenVerifier}):
 * the request's principal, as MicroProfile JWT describes it (standard claims as Java types,
 * {@code groups} and {@code aud} as sets, other claims as JSON values). Immutable and shared by the
 * requests presenting the same token; equal by its raw text.
 */
public final class VerifiedToken implements JsonWebToken {

    /** The request property (a servlet request attribute) that holds the request's verified token. */
    public static final String ATTRIBUTE = VerifiedToken.class.getName();

    private final String raw;
    private final JsonObject claims;
    private final String issuer;
    private final String subject;
    private final String name;
    private final String tokenId;
    private final long issuedAt;
    private final long expiresAt;
    private final Set<String> groups;
    private final Set<String> audience;
    private final Object keySet;

    /** @param keySet the verification keys as read when the token was verified (see {@link VerificationKeys#stillRead}) */
    VerifiedToken(String raw, JsonObject claims, Object keySet) {
        this.raw = raw;
        this.claims = claims;
        this.keySet = keySet;
        this.issuer = text(claims, Claims.iss.name());
        this.subject = text(claims, Claims.sub.name());
        String upn = text(claims, Claims.upn.name());
        String preferred = text(claims, Claims.preferred_username.name());
        this.name = upn != null ? upn : preferred != null ? preferred : subject;
        this.tokenId = text(claims, Claims.jti.name());
        this.issuedAt = seconds(claims, Claims.iat.name());
        this.expiresAt = seconds(claims, Claims.exp.name());
        this.groups = strings(claims.get(Claims.groups.name()));
        this.audience = strings(claims.get(Claims.aud.name()));
    }

    /** The verification keys as read when this token was verified. */
    Object keySet() {
        return keySet;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getRawToken() {
        return raw;
    }

    @Override
    public String getIssuer() {
        return issuer;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public String getTokenID() {
        return tokenId;
    }

    @Override
    public long getIssuedAtTime() {
        return issuedAt;
    }

    @Override
    public long getExpirationTime() {
        return expiresAt;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public Set<String> getAudience() {
        return audience.isEmpty() ? null : audience;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Object value =
                switch (claimName) {
                    case "raw_token" -> raw;
                    case "iss" -> issuer;
                    case "sub" -> subject;
                    case "upn" -> text(claims, claimName);
                    case "jti" -> tokenId;
                    case "iat", "exp", "nbf", "auth_time", "updated_at" -> claims.containsKey(claimName)
                            ? seconds(claims, claimName)
                            : null;
                    case "groups" -> claims.containsKey(claimName) ? groups : null;
                    case "aud" -> getAudience();
                    default -> claims.get(claimName);
                };
        return (T) value;
    }

    /** A role named by the token's {@code groups}. */
    boolean inGroup(String role) {
        return groups.contains(role);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedToken token && token.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + subject + ", jti=" + tokenId + "]";
    }

    private static String text(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static long seconds(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonNumber n ? n.longValue() : 0L;
    }

    /** A claim that is a string or an array of strings, as a set. */
    static Set<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return Set.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            Set<String> values = new LinkedHashSet<>();
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    values.add(s.getString());
                }
            }
            return Set.copyOf(values);
        }
        return Set.of();
    }

    /** For {@link TokenVerifier}'s checks. */
    Map<String, JsonValue> claims() {
        return claims;
    }
}
