package dev.loyalty.adapters.web.token;

import dev.loyalty.domain.token.TokenRevocation;
import java.time.Instant;

/**
 * A revocation recorded.
 *
 * @param kind TOKEN_ID or SUBJECT
 * @param value the token id or the subject
 * @param revokedAt from when (a subject's tokens issued until then are refused)
 * @param revokedBy the administrator
 * @param reason why, if given
 */
public record RevocationView(String kind, String value, Instant revokedAt, String revokedBy, String reason) {

    static RevocationView of(TokenRevocation revocation) {
        return new RevocationView(
                revocation.kind().name(),
                revocation.value(),
                revocation.revokedAt(),
                revocation.revokedBy(),
                revocation.reason());
    }
}
