package dev.loyalty.adapters.web.idempotency;

import dev.loyalty.adapters.web.problem.JsonConfig;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.idempotency.IdempotencyKey;
import dev.loyalty.application.idempotency.IdempotentExecution;
import dev.loyalty.application.idempotency.IdempotentRequest;
import dev.loyalty.application.idempotency.StoredResponse;
import dev.loyalty.application.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Gives a state-changing POST the contract's {@code Idempotency-Key} semantics: the response is
 * written to JSON inside the request's transaction and kept with the key, so a retry gets the same
 * status, body and Location again, marked {@value #REPLAYED_HEADER}{@code : true}. Keys are scoped
 * per client (role, store, token subject); the request's fingerprint is its operation and its body
 * as parsed (so whitespace and key order do not matter, values do). Without a key the work runs
 * alone (its use case's own transaction) and its response is written to JSON after it committed.
 */
@ApplicationScoped
public class IdempotentPosts {

    /** The request header. */
    public static final String KEY_HEADER = "Idempotency-Key";

    /** The response header of a replay. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    IdempotentExecution execution;

    @Inject
    Caller caller;

    /**
     * @param key the header's value, or {@code null} when absent
     * @param operation what is asked, e.g. {@code POST purchases}
     * @param body the parsed request body (its JSON is part of the fingerprint)
     * @param work the request; its response entity is written as JSON
     * @return the response, or the recorded one for a retry
     */
    public Response respond(String key, String operation, Object body, Supplier<Response> work) {
        if (key == null) {
            // nothing to keep: the work's use case is its transaction, and its answer is written to JSON
            // after that commits, not while it holds the wallet's lock (no transaction around it here)
            return built(stored(work.get()), false);
        }
        IdempotentRequest request = new IdempotentRequest(
                scope(caller.actor()),
                new IdempotencyKey(key),
                IdempotentRequest.sha256(operation + "\n" + JsonConfig.jsonb().toJson(body)));
        IdempotentExecution.Outcome outcome = execution.execute(request, () -> stored(work.get()));
        return built(outcome.response(), outcome.replayed());
    }

    private static Response built(StoredResponse response, boolean replayed) {
        Response.ResponseBuilder builder =
                Response.status(response.status()).entity(response.body()).type(MediaType.APPLICATION_JSON);
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }

    private static StoredResponse stored(Response response) {
        return new StoredResponse(
                response.getStatus(),
                JsonConfig.jsonb().toJson(response.getEntity()),
                response.getLocation() == null ? null : response.getLocation().toString());
    }

    private static String scope(Actor actor) {
        return actor.role() + "/" + (actor.storeId() == null ? "" : actor.storeId()) + "/" + actor.subject();
    }
}
