package dev.loyalty.adapters.web.security;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current request's caller, from its verified token: the role from {@code groups} (the most
 * privileged one if several), the subject, and for a terminal the {@code store_id} claim, without
 * which a terminal token is refused; for an integration its scope, the {@code store_ids} and
 * {@code channels} claims (a token without them acts for every store, as the contract's online
 * orders need).
 */
@RequestScoped
public class Caller {

    private static final String NO_ROLE = "the token carries no role of this API";

    /** An integration token's stores: it records and reverses purchases of these stores only. */
    public static final String STORES_CLAIM = "store_ids";

    /** An integration token's sales channels (STORE, ONLINE): it records purchases in these only. */
    public static final String CHANNELS_CLAIM = "channels";

    private static final Set<String> CHANNELS = Set.of("STORE", "ONLINE");

    @Inject
    HttpServletRequest request;

    private Actor actor;

    /** The caller, worked out once per request. */
    public Actor actor() {
        if (actor == null) {
            actor = of(token());
        }
        return actor;
    }

    /** The verified token {@link TokenCheck} accepted for this request. */
    private JsonWebToken token() {
        if (request.getAttribute(VerifiedToken.ATTRIBUTE) instanceof VerifiedToken token) {
            return token;
        }
        throw new AccessDeniedException(NO_ROLE);
    }

    private static Actor of(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        if (groups.contains(Roles.ADMIN)) {
            return new Actor(Role.ADMIN, subject, null);
        }
        if (groups.contains(Roles.TERMINAL)) {
            Object store = jwt.getClaim("store_id");
            if (store == null || store.toString().isBlank()) {
                throw new AccessDeniedException("a terminal token must name its store (claim store_id)");
            }
            return new Actor(Role.TERMINAL, subject, unquoted(store.toString()));
        }
        if (groups.contains(Roles.INTEGRATION)) {
            Set<String> stores = list(jwt, STORES_CLAIM);
            Set<String> channels = list(jwt, CHANNELS_CLAIM);
            for (String channel : channels) {
                if (!CHANNELS.contains(channel)) {
                    throw new AccessDeniedException("an integration token's channels are STORE and ONLINE");
                }
            }
            return Actor.integration(subject, stores, channels);
        }
        if (groups.contains(Roles.CUSTOMER)) {
            return new Actor(Role.CUSTOMER, subject, null);
        }
        throw new AccessDeniedException(NO_ROLE);
    }

    /**
     * The customer a customer token speaks for: its subject. A subject that is no customer id
     * designates nobody, which is "not found" rather than a bad request.
     */
    public CustomerId customerId() {
        return CustomerId.parseDesignating(
                actor().subject(), "the token's subject is not a customer of this programme");
    }

    /**
     * A list claim: a JSON array of strings (or one comma-separated string); absent: empty (no
     * scope). Present but naming nothing is refused: a scope of nothing is a mistake, not "all".
     */
    private static Set<String> list(JsonWebToken jwt, String name) {
        Object claim = jwt.getClaim(name);
        if (claim == null) {
            return Set.of();
        }
        java.util.List<String> raw = new java.util.ArrayList<>();
        if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> raw.add(v instanceof jakarta.json.JsonString js ? js.getString() : v.toString()));
        } else if (claim instanceof java.util.Collection<?> values) {
            values.forEach(v -> raw.add(String.valueOf(v)));
        } else if (claim instanceof jakarta.json.JsonString text) {
            raw.addAll(java.util.List.of(text.getString().split(",")));
        } else {
            raw.addAll(java.util.List.of(unquoted(claim.toString()).split(",")));
        }
        Set<String> values = new java.util.LinkedHashSet<>();
        for (String value : raw) {
            String v = unquoted(value.strip()).strip();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new AccessDeniedException("the token's " + name + " claim names nothing");
        }
        return Set.copyOf(values);
    }

    private static String unquoted(String claim) {
        return claim.length() >= 2 && claim.startsWith("\"") && claim.endsWith("\"")
                ? claim.substring(1, claim.length() - 1)
                : claim;
    }
}
