package dev.loyalty.adapters.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the resources (the
 * method's annotation, else its class's) against the principal {@link TokenCheck} set: no verified
 * token, 401; a token without one of the roles, 403. Replaces Payara's own filter (off in {@code
 * glassfish-web.xml}), which authenticated each request a second time through Jakarta Security and
 * asked JACC for each role.
 */
@Provider
public class RolesCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        Check check = check(method.isAnnotationPresent(DenyAll.class), method.getAnnotation(RolesAllowed.class));
        if (check == null && !method.isAnnotationPresent(PermitAll.class)) {
            check = check(type.isAnnotationPresent(DenyAll.class), type.getAnnotation(RolesAllowed.class));
        }
        if (check != null) {
            context.register(check);
        }
    }

    private static Check check(boolean denyAll, RolesAllowed roles) {
        if (denyAll) {
            return new Check(List.of());
        }
        return roles == null ? null : new Check(List.of(roles.value()));
    }

    /** One endpoint's check: the roles that may call it (none: nobody). */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (roles.isEmpty()) {
                throw new ForbiddenException();
            }
            if (!(request.getSecurityContext().getUserPrincipal() instanceof VerifiedToken)) {
                throw new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Bearer")
                        .build());
            }
            for (String role : roles) {
                if (request.getSecurityContext().isUserInRole(role)) {
                    return;
                }
            }
            throw new ForbiddenException();
        }
    }
}
