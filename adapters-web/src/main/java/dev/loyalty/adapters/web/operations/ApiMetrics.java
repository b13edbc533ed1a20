package dev.loyalty.adapters.web.operations;

import dev.loyalty.adapters.web.idempotency.IdempotentPosts;
import dev.loyalty.adapters.web.problem.Problem;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Counts and times every API request by its OpenAPI operation (its {@code operationId}, stable
 * across releases, so dashboards and alerts survive refactoring):
 *
 * <ul>
 *   <li>{@code loyalty_api_requests_total{operation, status}}: requests answered, by HTTP status;
 *   <li>{@code loyalty_api_request_milliseconds{operation}}: the time from the request's arrival at
 *       the API to its answer (a histogram: count, sum, max, quantiles);
 *   <li>{@code loyalty_api_problems_total{operation, code}}: problems answered, by their stable
 *       code (a coupon rejected at the till as {@code coupon-expired}, a purchase refused as {@code
 *       purchase-too-old}...);
 *   <li>{@code loyalty_api_replays_total{operation}}: retries answered from the idempotency record.
 * </ul>
 *
 * A request that matched no operation counts as {@code unmatched}. The registry keeps each
 * (name, tags) metric once; the few hundred combinations an API of this size produces stay small.
 */
@Provider
public class ApiMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    /** The operation of a request that matched no resource method. */
    static final String UNMATCHED = "unmatched";

    private static final String STARTED = ApiMetrics.class.getName() + ".started";

    @Context
    private ResourceInfo resource;

    private static final Logger LOG = Logger.getLogger(ApiMetrics.class.getName());

    /** The application's meter, looked up once (JAX-RS, not CDI, creates this provider). */
    private volatile ApiMeter meter;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            meter().answered(
                            operationOf(resource == null ? null : resource.getResourceMethod()),
                            response.getStatus(),
                            request.getProperty(STARTED) instanceof Long started ? System.nanoTime() - started : -1,
                            response.getEntity() instanceof Problem problem ? problem.code() : null,
                            "true".equalsIgnoreCase(response.getHeaderString(IdempotentPosts.REPLAYED_HEADER)));
        } catch (RuntimeException e) {
            // a figure missed is better than an answer lost: the request's work is done
            LOG.log(Level.WARNING, "the API's metrics could not be recorded", e);
        }
    }

    private ApiMeter meter() {
        ApiMeter known = meter;
        if (known == null) {
            known = CDI.current().select(ApiMeter.class).get();
            meter = known;
        }
        return known;
    }

    /**
     * @param method the resource method that answered, or {@code null}
     * @return its OpenAPI operationId, else its class and name, else {@link #UNMATCHED}
     */
    static String operationOf(Method method) {
        if (method == null) {
            return UNMATCHED;
        }
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null && !operation.operationId().isBlank()) {
            return operation.operationId();
        }
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
