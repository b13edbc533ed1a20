package dev.loyalty.adapters.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies over 256 KiB with a 413 problem before anything reads them; file imports
 * ({@code /imports/...} and the catalogue's {@code .../import}) stream their bodies and are exempt.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 256 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES
                && !isFileImport(request.getUriInfo().getPath())) {
            request.abortWith(WebApplicationExceptionMapper.forStatus(413).toResponse());
        }
    }

    /** @return whether the path (relative to the API's root) takes a file import */
    static boolean isFileImport(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("imports/") || p.equals("products/import") || p.equals("categories/import");
    }
}
