package dev.loyalty.bench.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /floor/ping}: the floor application's one resource, what its readiness is polled on. */
@Path("ping")
public class FloorResource {

    /** @return {@code pong} */
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public String ping() {
        return "\"pong\"";
    }
}
