package dev.loyalty.adapters.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 256 KiB (16 KiB for the unauthenticated Twilio callback, whose
 * signature can only be checked on the whole body) with a 413 problem: at once when the
 * Content-Length says so, else as the body is read, counting bytes, so that a chunked body without
 * a length is never read whole. File imports ({@code /imports/...} and the catalogue's {@code
 * .../import}) stream their bodies to disk and are exempt.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 256 * 1024;

    /** Twilio's status callbacks are a few hundred bytes of form fields. */
    static final int MAX_CALLBACK_BYTES = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isFileImport(path)) {
            return;
        }
        long limit = limitFor(path);
        if (request.getLength() > limit) {
            request.abortWith(WebApplicationExceptionMapper.forStatus(413).toResponse());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** @return the most bytes a body sent to this path (relative to the API's root) may have */
    static long limitFor(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("gateways/") ? MAX_CALLBACK_BYTES : MAX_BYTES;
    }

    /** @return whether the path (relative to the API's root) takes a file import */
    static boolean isFileImport(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("imports/") || p.equals("products/import") || p.equals("categories/import");
    }

    /** The body too large, found while reading it; the problem mappers answer it with a 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    /** A body that fails with {@link TooLarge} as soon as more than {@code limit} bytes are read. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;
        private long marked;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        @Override
        public synchronized void mark(int readlimit) {
            super.mark(readlimit);
            marked = read;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            read = marked;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
