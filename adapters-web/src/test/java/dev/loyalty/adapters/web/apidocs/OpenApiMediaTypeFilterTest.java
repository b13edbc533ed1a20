package dev.loyalty.adapters.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiMediaTypeFilterTest {

    @Test
    void theFormatParameterDecidesBeforeTheAcceptHeader() {
        assertThat(OpenApiMediaTypeFilter.wantsJson("JSON", "application/yaml")).isTrue();
        assertThat(OpenApiMediaTypeFilter.wantsJson("json", null)).isTrue();
        assertThat(OpenApiMediaTypeFilter.wantsJson("YAML", "application/json")).isFalse();
    }

    @Test
    void whicheverTheAcceptHeaderNamesFirstWinsAndYamlIsTheDefault() {
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "application/json")).isTrue();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "application/json, application/yaml"))
                .isTrue();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "application/yaml, application/json;q=0.9"))
                .isFalse();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "application/yaml")).isFalse();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "text/yaml")).isFalse();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "*/*")).isFalse();
        assertThat(OpenApiMediaTypeFilter.wantsJson(null, "text/html,application/xhtml+xml,*/*;q=0.8"))
                .isFalse();
        assertThat(OpenApiMediaTypeFilter.wantsJson(" ", null)).isFalse();
    }
}
