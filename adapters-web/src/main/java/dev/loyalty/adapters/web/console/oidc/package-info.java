/**
 * The console's production sign-in: OpenID Connect's authorization code flow (with PKCE) against
 * the retailer's identity provider, enabled only by configuration ({@code LOYALTY_OIDC_*}). The
 * identity provider's ID token, checked here, becomes the console's bearer token, which the API
 * verifies as any MicroProfile JWT (the service trusts the provider's keys and issuer).
 */
package dev.loyalty.adapters.web.console.oidc;
