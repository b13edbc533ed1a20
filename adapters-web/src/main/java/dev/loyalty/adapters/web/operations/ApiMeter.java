package dev.loyalty.adapters.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The API's metrics in the application registry (see {@link ApiMetrics} for what each is). */
@ApplicationScoped
public class ApiMeter {

    private static final Metadata REQUESTS = Metadata.builder()
            .withName("loyalty_api_requests")
            .withDescription("API requests answered, by OpenAPI operationId and HTTP status")
            .build();
    private static final Metadata LATENCY = Metadata.builder()
            .withName("loyalty_api_request_milliseconds")
            .withDescription("Milliseconds from a request's arrival at the API to its answer, by operationId"
                    + " (a histogram: Payara's Prometheus output of a timer converts its sum to seconds but"
                    + " not its quantiles)")
            .build();
    private static final Metadata PROBLEMS = Metadata.builder()
            .withName("loyalty_api_problems")
            .withDescription("RFC 9457 problems answered, by operationId and stable code")
            .build();
    private static final Metadata REPLAYS = Metadata.builder()
            .withName("loyalty_api_replays")
            .withDescription("Retries answered from the idempotency record, by operationId")
            .build();

    @Inject
    private MetricRegistry registry;

    void answered(String operation, int status, long nanos, String problemCode, boolean replayed) {
        Tag op = new Tag("operation", operation);
        registry.counter(REQUESTS, op, new Tag("status", Integer.toString(status)))
                .inc();
        if (nanos >= 0) {
            registry.histogram(LATENCY, op).update(Math.round(nanos / 1e6));
        }
        if (problemCode != null) {
            registry.counter(PROBLEMS, op, new Tag("code", problemCode)).inc();
        }
        if (replayed) {
            registry.counter(REPLAYS, op).inc();
        }
    }
}
