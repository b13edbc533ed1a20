package dev.loyalty.application.idempotency;

import java.util.function.Supplier;

/**
 * Runs a state-changing request at most once per key. The same key with the same request, within
 * the retention, gives the first response again without running anything; the same key with
 * another request is an {@link IdempotencyKeyReusedException}; a request that fails records nothing,
 * so its retry runs again. Concurrent requests with one key wait for the first and then replay it.
 */
public interface IdempotentExecution {

    /**
     * A response and whether it was given before.
     *
     * @param response the response
     * @param replayed whether it is the recorded response of an earlier request
     */
    record Outcome(StoredResponse response, boolean replayed) {}

    /**
     * @param request the key, its client and the request's fingerprint; {@code null} to just run
     *     {@code work} (a request without a key)
     * @param work the request, run in this method's transaction
     */
    Outcome execute(IdempotentRequest request, Supplier<StoredResponse> work);
}
