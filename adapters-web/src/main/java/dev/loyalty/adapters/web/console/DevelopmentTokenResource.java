package dev.loyalty.adapters.web.console;

import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.problem.WebApplicationExceptionMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's development sign-in: an administrator's token minted with the development key pair,
 * answered only when the service trusts that pair (the launcher names its directory in {@code
 * loyalty.dev.jwt.dir} when no real key is configured) and only to a caller on the same machine.
 * Everywhere else both operations answer 404, as if they did not exist.
 */
@Path("development-token")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
@SecurityRequirements
public class DevelopmentTokenResource {

    /** How long a minted token is valid: the longest a staff token may live. */
    @Inject
    @ConfigProperty(name = "loyalty.tokens.staff-max-minutes", defaultValue = "60")
    long validityMinutes;

    /** The audience the service checks (its first), which the token carries. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "loyalty.dev.jwt.dir")
    Optional<String> keyDirectory;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "loyalty-dev")
    String issuer;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "probeDevelopmentToken",
            summary = "Whether a development admin token can be minted here (embedded run, development keys)")
    @APIResponse(responseCode = "204", description = "It can: POST mints one")
    @APIResponse(
            responseCode = "404",
            description = "Not in this deployment (code not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response probe(@Context HttpServletRequest request) {
        return tokens(request).isPresent() ? Response.noContent().build() : notFound();
    }

    @POST
    @Operation(
            operationId = "mintDevelopmentToken",
            summary = "Mint an administrator's token with the development keys (console sign-in, embedded run only)")
    @APIResponse(
            responseCode = "200",
            description = "The token and when it expires",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenView.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not in this deployment (code not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mint(@Context HttpServletRequest request) {
        Optional<DevelopmentTokens> tokens = tokens(request);
        if (tokens.isEmpty()) {
            return notFound();
        }
        Instant now = clock.instant();
        Duration validity = Duration.ofMinutes(validityMinutes);
        return Response.ok(new TokenView(tokens.get().admin("console-dev", now, validity), now.plus(validity)))
                .build();
    }

    private Optional<DevelopmentTokens> tokens(HttpServletRequest request) {
        return keyDirectory
                .filter(dir -> !dir.isBlank() && fromThisMachine(request))
                .map(dir -> new DevelopmentTokens(
                        java.nio.file.Path.of(dir),
                        issuer,
                        audiences.map(list -> list.split(",")[0].strip()).orElse(null)))
                .filter(DevelopmentTokens::usable);
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Response notFound() {
        return WebApplicationExceptionMapper.forStatus(404).toResponse();
    }

    /**
     * A minted token.
     *
     * @param token the bearer token (role admin)
     * @param expiresAt when it stops being accepted
     */
    public record TokenView(String token, Instant expiresAt) {}
}
