package dev.loyalty.domain.token;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A revocation: of one token by its id ({@code jti}), or of every token of a subject (a terminal, an
 * integration, a customer) issued up to {@code revokedAt} - a token issued afterwards (the terminal
 * provisioned again) is accepted. Values are 1-255 printable ASCII characters, as an identity
 * provider's ids are.
 *
 * @param kind what {@code value} names
 * @param value the token id or the subject
 * @param revokedAt when it was revoked
 * @param revokedBy the administrator who revoked it
 * @param reason why, for the audit (may be {@code null})
 */
public record TokenRevocation(Kind kind, String value, Instant revokedAt, String revokedBy, String reason) {

    /** What a revocation names. */
    public enum Kind {
        /** One token, by its {@code jti} claim. */
        TOKEN_ID,
        /** Every token of this {@code sub} issued up to the revocation. */
        SUBJECT
    }

    /** Validates the value and the reason. */
    public TokenRevocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revokedBy, "revokedBy");
        String field = kind == Kind.TOKEN_ID ? "jti" : "subject";
        if (value == null
                || value.isEmpty()
                || value.length() > 255
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValueException(field, field + " must be 1-255 printable ASCII characters without blanks");
        }
        if (reason != null && (reason.isBlank() || reason.length() > 500)) {
            throw new InvalidValueException("reason", "reason must be 1-500 characters when given");
        }
    }

    /**
     * @param tokenId the token's {@code jti} ({@code null} if it has none)
     * @param subject the token's subject
     * @param issuedAt the token's {@code iat}
     * @return whether this revocation refuses that token
     */
    public boolean refuses(String tokenId, String subject, Instant issuedAt) {
        return switch (kind) {
            case TOKEN_ID -> value.equals(tokenId);
            case SUBJECT -> value.equals(subject) && !issuedAt.isAfter(revokedAt);
        };
    }
}
