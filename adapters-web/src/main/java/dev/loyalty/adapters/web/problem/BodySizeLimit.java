package dev.loyalty.adapters.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Refuses request bodies over 256 KiB with a 413 problem before anything reads them. */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 256 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(WebApplicationExceptionMapper.forStatus(413).toResponse());
        }
    }
}
