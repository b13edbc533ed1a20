package dev.loyalty.adapters.web.security;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.token.CheckTokenUseCase;
import dev.loyalty.application.token.PresentedToken;
import dev.loyalty.application.token.TokenCheckUnavailableException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, with a 401 problem, a token that MP-JWT verified (signature, issuer, audience, expiry)
 * but that is too old for its role or revoked: every API request that carries one, before any
 * resource or role check. The refusal is logged at FINE with the token's subject and id.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenCheck implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenCheck.class.getName());

    @Inject
    CheckTokenUseCase tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        PresentedToken token = new PresentedToken(
                role(jwt.getGroups()),
                jwt.getTokenID(),
                subject == null ? "" : subject,
                Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
        Optional<String> refusal;
        try {
            refusal = tokens.refusal(token);
        } catch (TokenCheckUnavailableException e) {
            LOG.log(Level.WARNING, "{0}: {1}", new Object[] {e.getMessage(), e.getCause()});
            request.abortWith(Problem.of(
                            503,
                            "token-check-unavailable",
                            "Service unavailable",
                            "the token cannot be checked now; try again shortly")
                    .toResponse());
            return;
        }
        if (refusal.isPresent()) {
            LOG.log(Level.FINE, "Token of {0} (jti {1}) refused: {2}", new Object[] {
                token.subject(), token.tokenId(), refusal.get()
            });
            request.abortWith(Problem.of(401, "unauthorized", "Unauthorized", refusal.get())
                    .toResponse());
        }
    }

    /** The role whose age limit applies: a token that is a customer's only is judged as one. */
    static Role role(Set<String> groups) {
        Set<String> g = groups == null ? Set.of() : groups;
        if (g.contains(Roles.ADMIN)) {
            return Role.ADMIN;
        }
        if (g.contains(Roles.TERMINAL)) {
            return Role.TERMINAL;
        }
        if (g.contains(Roles.INTEGRATION)) {
            return Role.INTEGRATION;
        }
        return g.contains(Roles.CUSTOMER) ? Role.CUSTOMER : Role.ADMIN;
    }
}
