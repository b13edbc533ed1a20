package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Operations: readiness on the database, metrics, the OpenAPI document; run by {@code
 * ServiceIT.Operations} on the shared deployment.
 */
abstract class OperationsScenarios {

    @Test
    void readinessChecksTheDatabase() {
        Api.Reply ready = API.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"").contains("UP");
        assertThat(API.get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void metricsArePublished() {
        Api.Reply metrics = API.getAccepting("/metrics", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).isNotBlank();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithExamples() {
        String document = API.getAcceptingJson("/openapi");
        assertThat(document)
                .contains("/api/v1/customers")
                .contains("Marco at the till")
                .contains("bearer");
    }
}
