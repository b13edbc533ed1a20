package dev.loyalty.adapters.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    static class Resource {
        @Operation(operationId = "recordPurchase")
        public void record() {}

        public void unnamed() {}
    }

    @Test
    void anOperationIsNamedByItsOperationIdElseByItsMethodElseUnmatched() throws Exception {
        assertThat(ApiMetrics.operationOf(Resource.class.getMethod("record"))).isEqualTo("recordPurchase");
        assertThat(ApiMetrics.operationOf(Resource.class.getMethod("unnamed"))).isEqualTo("Resource.unnamed");
        assertThat(ApiMetrics.operationOf(null)).isEqualTo(ApiMetrics.UNMATCHED);
    }
}
