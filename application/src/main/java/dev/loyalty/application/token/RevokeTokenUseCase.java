package dev.loyalty.application.token;

import dev.loyalty.domain.token.TokenRevocation;

/** Driving port: an administrator revokes a token, or every token a subject holds. */
public interface RevokeTokenUseCase {

    /**
     * Records the revocation (a subject revoked again: from now on); this instance refuses the tokens
     * at once, the others at their next refresh of the list.
     *
     * @return the revocation recorded
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.domain.shared.InvalidValueException for a value that names no token or subject
     */
    TokenRevocation revoke(RevokeTokenCommand command);
}
