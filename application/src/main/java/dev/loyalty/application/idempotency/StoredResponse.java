package dev.loyalty.application.idempotency;

import java.util.Objects;

/**
 * The response a request gave, kept to be given again.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param location the Location header, or {@code null}
 */
public record StoredResponse(int status, String body, String location) {

    /** Checks the components. */
    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
