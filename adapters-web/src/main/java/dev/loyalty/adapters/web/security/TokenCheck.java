package dev.loyalty.adapters.web.security;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.problem.WebApplicationExceptionMapper;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every API request that carries a bearer token, before any resource or role check:
 * the token verified by {@link BearerTokens} (signature, issuer, audience, expiry; remembered once
 * verified) becomes the request's principal ({@link VerifiedToken}, also the request property
 * {@link VerifiedToken#ATTRIBUTE}) with its {@code groups} as roles, unless it is too old for its
 * role or revoked - refused with a 401 problem, logged at FINE with the token's subject and id. A
 * token that does not verify is a 401 too, on every endpoint (also one open to all, such as a signed
 * unsubscribe link, as Payara's mechanism answered); a request without one is anonymous, and {@link
 * RolesCheck} answers 401 where a role is needed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenCheck implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenCheck.class.getName());

    private static final String BEARER = "Bearer ";

    @Inject
    CheckTokenUseCase tokens;

    @Inject
    BearerTokens bearerTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return;
        }
        Optional<VerifiedToken> verified =
                bearerTokens.verified(authorization.substring(BEARER.length()).strip());
        if (verified.isEmpty()) {
            // a token that does not verify is refused wherever it is sent, also where none is needed
            request.abortWith(WebApplicationExceptionMapper.forStatus(401).toResponse());
            return;
        }
        VerifiedToken jwt = verified.get();
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
            return;
        }
        request.setProperty(VerifiedToken.ATTRIBUTE, jwt);
        request.setSecurityContext(
                new Authenticated(jwt, request.getSecurityContext().isSecure()));
    }

    /** The request's security as the token says: its principal, its groups as roles. */
    record Authenticated(VerifiedToken token, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return token;
        }

        @Override
        public boolean isUserInRole(String role) {
            return token.inGroup(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
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
