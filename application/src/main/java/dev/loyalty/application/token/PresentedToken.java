package dev.loyalty.application.token;

import dev.loyalty.application.shared.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * A token whose signature, issuer, audience and expiry were verified, as far as its age and its
 * revocation matter.
 *
 * @param role the role it gives
 * @param tokenId its {@code jti}, or {@code null}
 * @param subject its subject
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 */
public record PresentedToken(Role role, String tokenId, String subject, Instant issuedAt, Instant expiresAt) {

    /** Requires what every verified token has. */
    public PresentedToken {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
