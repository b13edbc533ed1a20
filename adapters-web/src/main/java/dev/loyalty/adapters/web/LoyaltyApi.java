package dev.loyalty.adapters.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API's root: every resource lives under {@code /api/v1} and is reached with a bearer JWT whose
 * {@code groups} claim names one of the four roles. (A CDI bean so that Payara's MP-JWT extension
 * sees its {@code @LoginConfig}.)
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.TERMINAL, Roles.CUSTOMER, Roles.INTEGRATION})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Loyalty platform API",
                        version = "1",
                        description =
                                "Enrolment, wallet, coupons, checkout and events for store terminals, the app,"
                                        + " integrations and the admin console. Errors are RFC 9457 problems with a stable `code`."),
        security = @SecurityRequirement(name = "jwt"))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class LoyaltyApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // The API is described by /openapi; no WADL beside it.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
