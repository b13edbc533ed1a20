package dev.loyalty.adapters.web.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A POST, PUT or PATCH whose operation takes no body (a confirmation, a claim, a job run) refuses
 * one with a 400 {@code body-not-expected} problem before anything is done: a body there is a client
 * mistaking the operation, and nothing it says is read. What HTTP clients send by habit is let
 * through: no body, blank space, an empty JSON object {@code {}}, JSON {@code null} (a client
 * serializing an absent body), and the form field a mail client
 * posts to a one-click unsubscribe link (RFC 8058: {@code List-Unsubscribe=One-Click}). At most
 * {@value #PEEK} bytes are read to judge.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class NoBodyExpected implements ContainerRequestFilter {

    /** The problem's code. */
    public static final String CODE = "body-not-expected";

    static final int PEEK = 64;

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ConcurrentMap<Method, Boolean> readsBody = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!WITH_BODY.contains(request.getMethod()) || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        if (readsBody.computeIfAbsent(resource.getResourceMethod(), NoBodyExpected::readsBody)
                || !request.hasEntity()) {
            return;
        }
        InputStream body = request.getEntityStream();
        byte[] start = body.readNBytes(PEEK + 1);
        if (harmless(start)) {
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), body));
            return;
        }
        request.abortWith(Problem.of(
                        400,
                        CODE,
                        Titles.of(CODE),
                        "this operation takes no request body: send none (nothing was done)")
                .toResponse());
    }

    /** The body RFC 8058 has mail clients post to a one-click unsubscribe link. */
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    /**
     * @return whether the first bytes of a body are nothing a client meant: blank, {@code {}}, {@code null}, or
     *     the one-click unsubscribe field
     */
    static boolean harmless(byte[] start) {
        if (start.length > PEEK) {
            return false;
        }
        String text = new String(start, StandardCharsets.UTF_8).strip();
        return text.isEmpty()
                || text.replaceAll("\\s", "").equals("{}")
                || text.equals("null")
                || text.equals(ONE_CLICK);
    }

    /** @return whether the resource method has a parameter the body fills (an entity or a form field) */
    static boolean readsBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean fromElsewhere = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                if (annotation instanceof FormParam) {
                    return true;
                }
                String type = annotation.annotationType().getName();
                if (type.startsWith("jakarta.ws.rs.") || type.equals(Context.class.getName())) {
                    fromElsewhere = true;
                }
            }
            if (!fromElsewhere) {
                return true;
            }
        }
        return false;
    }
}
