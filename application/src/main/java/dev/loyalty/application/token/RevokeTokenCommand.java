package dev.loyalty.application.token;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.token.TokenRevocation;
import java.util.Objects;

/**
 * Revoke one token ({@code jti}) or every token of a subject issued until now; exactly one of the
 * two.
 *
 * @param tokenId the token's {@code jti}, or {@code null}
 * @param subject the subject (a terminal's, an integration's, a customer's), or {@code null}
 * @param reason why, for the audit (not personal details), may be {@code null}
 * @param actor who revokes
 */
public record RevokeTokenCommand(String tokenId, String subject, String reason, Actor actor) {

    /** Requires exactly one of the token id and the subject. */
    public RevokeTokenCommand {
        Objects.requireNonNull(actor, "actor");
        if ((tokenId == null) == (subject == null)) {
            throw new InvalidValueException("jti", "name exactly one of jti and subject");
        }
    }

    /** @return what is revoked */
    public TokenRevocation.Kind kind() {
        return tokenId != null ? TokenRevocation.Kind.TOKEN_ID : TokenRevocation.Kind.SUBJECT;
    }

    /** @return the token id or the subject */
    public String value() {
        return tokenId != null ? tokenId : subject;
    }
}
