package dev.loyalty.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoBodyExpectedTest {

    @SuppressWarnings("unused")
    static final class Resource {
        void confirm(@PathParam("id") @Size(max = 64) String id, @HeaderParam("Idempotency-Key") String key) {}

        void run(@Context UriInfo uri, @QueryParam("limit") int limit) {}

        void create(@Valid @Size(max = 10) String body, @Context UriInfo uri) {}

        void callback(@FormParam("MessageSid") String sid) {}

        void bean(@BeanParam Object query) {}
    }

    static Method method(String name) {
        for (Method method : Resource.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aMethodReadsTheBodyWhenAParameterIsTheEntityOrAFormField() {
        assertThat(NoBodyExpected.readsBody(method("confirm"))).isFalse();
        assertThat(NoBodyExpected.readsBody(method("run"))).isFalse();
        assertThat(NoBodyExpected.readsBody(method("bean"))).isFalse();
        assertThat(NoBodyExpected.readsBody(method("create")))
                .as("validation annotations do not make a parameter come from elsewhere")
                .isTrue();
        assertThat(NoBodyExpected.readsBody(method("callback"))).isTrue();
    }

    @Test
    void onlyABlankBodyOrAnEmptyObjectIsLetThrough() {
        for (String harmless : new String[] {"", "  \r\n", "{}", " { } \n", "null", "List-Unsubscribe=One-Click"}) {
            assertThat(NoBodyExpected.harmless(harmless.getBytes(StandardCharsets.UTF_8)))
                    .as("'%s'", harmless)
                    .isTrue();
        }
        for (String meant : new String[] {"{\"a\": 1}", "{\"a\": ", "[]", "x", " ".repeat(65)}) {
            assertThat(NoBodyExpected.harmless(meant.getBytes(StandardCharsets.UTF_8)))
                    .as("'%s'", meant)
                    .isFalse();
        }
    }
}
