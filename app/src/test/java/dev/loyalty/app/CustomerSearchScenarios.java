package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's search by name, page by page; run by {@code ServiceIT.CustomerSearch}. */
abstract class CustomerSearchScenarios {

    /** Enrols a customer with this last name and answers the id. */
    static String enrolNamed(String firstName, String lastName) {
        Api.Reply reply = API.post(
                "/api/v1/customers",
                Api.admin(),
                """
                {"firstName": "%s", "lastName": "%s", "email": "%s@example.com", "preferredChannel": "EMAIL",
                 "consents": {}, "enrolmentChannel": "WEB"}"""
                        .formatted(firstName, lastName, "search." + unique()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("customerId");
    }

    @Test
    void customersFoundByNameComePageByPageInNameOrder() {
        String family = "Zanetti" + unique();
        String carla = enrolNamed("Carla", family);
        String anna = enrolNamed("Anna", family);
        String bruno = enrolNamed("Bruno", family);
        enrolNamed("Anna", "Someone" + unique());

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Api.Reply page = API.get(
                    "/api/v1/customers?name=" + family.toLowerCase() + "&limit=2"
                            + (after == null ? "" : "&after=" + after),
                    Api.admin());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> seen.add(item.getString("customerId")));
            JsonObject body = page.json();
            after = !body.containsKey("next") || body.isNull("next") ? null : body.getString("next");
            pages++;
        } while (after != null && pages < 5);

        assertThat(seen).containsExactly(anna, bruno, carla);
        assertThat(pages).isEqualTo(2);
        Api.Reply full = API.get("/api/v1/customers?name=Anna%20" + family, Api.admin());
        assertThat(full.items())
                .extracting(item -> item.getString("customerId"))
                .containsExactly(anna);
    }

    @Test
    void aBadSearchIsAProblemAtItsParameterAndOnlyAdministratorsSearch() {
        Api.Reply tooShort = API.get("/api/v1/customers?name=a", Api.admin());
        Api.Reply badCursor = API.get("/api/v1/customers?name=anna&after=not-a-cursor", Api.admin());
        Api.Reply badLimit = API.get("/api/v1/customers?name=anna&limit=0", Api.admin());
        Api.Reply terminal = API.get("/api/v1/customers?name=anna", Api.terminal("MI-001"));

        assertThat(tooShort.isProblem("validation-failed"))
                .as(tooShort.toString())
                .isTrue();
        assertThat(tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("name");
        assertThat(badCursor.isProblem("validation-failed"))
                .as(badCursor.toString())
                .isTrue();
        assertThat(badLimit.isProblem("validation-failed"))
                .as(badLimit.toString())
                .isTrue();
        assertThat(terminal.status()).isEqualTo(403);
    }
}
