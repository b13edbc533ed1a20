package dev.loyalty.adapters.web.console.oidc;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity provider the console signs in with: enabled when an issuer is configured, and then
 * complete (client id, secret and redirect URI), with URLs that are https unless on this machine.
 *
 * @param issuer the provider's issuer ({@code LOYALTY_OIDC_ISSUER}); its discovery document is at
 *     {@code <issuer>/.well-known/openid-configuration}
 * @param clientId the console's client id ({@code LOYALTY_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code LOYALTY_OIDC_CLIENT_SECRET}), sent by HTTP basic auth
 * @param redirectUri {@code https://<service>/admin/oidc/callback} as registered at the provider
 *     ({@code LOYALTY_OIDC_REDIRECT_URI})
 * @param rolesClaim the claim holding the roles ({@code LOYALTY_OIDC_ROLES_CLAIM}, default {@code groups})
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, URI redirectUri, String rolesClaim) {

    public static final String ROLES_CLAIM_DEFAULT = "groups";

    /**
     * @return the settings, or empty when no issuer is configured (OpenID Connect off)
     * @throws IllegalArgumentException one line naming the setting that cannot work
     */
    public static Optional<OidcSettings> of(
            Optional<String> issuer,
            Optional<String> clientId,
            Optional<String> clientSecret,
            Optional<String> redirectUri,
            Optional<String> rolesClaim) {
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        String iss = issuer.get().strip();
        web(iss, "LOYALTY_OIDC_ISSUER");
        String id = clientId.map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> missing("LOYALTY_OIDC_CLIENT_ID"));
        String secret = clientSecret.filter(v -> !v.isBlank()).orElseThrow(() -> missing("LOYALTY_OIDC_CLIENT_SECRET"));
        String redirect = redirectUri
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> missing("LOYALTY_OIDC_REDIRECT_URI"));
        URI uri = web(redirect, "LOYALTY_OIDC_REDIRECT_URI");
        if (!uri.getPath().endsWith("/admin/oidc/callback")) {
            throw new IllegalArgumentException(
                    "LOYALTY_OIDC_REDIRECT_URI must be this service's /admin/oidc/callback, got: " + redirect);
        }
        String claim = rolesClaim.map(String::strip).filter(v -> !v.isEmpty()).orElse(ROLES_CLAIM_DEFAULT);
        return Optional.of(new OidcSettings(iss.replaceAll("/+$", ""), id, secret, uri, claim));
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException(name + " is not set while LOYALTY_OIDC_ISSUER turns OpenID Connect"
                + " sign-in on: set the issuer, client id, client secret and redirect URI together");
    }

    private static URI web(String raw, String name) {
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an https URL, got: " + raw, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException(name + " must be an https URL (http only on localhost), got: " + raw);
        }
        return uri;
    }
}
