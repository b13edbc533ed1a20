package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue over HTTP, run by {@code ServiceIT.Catalogue}: products and categories kept by the
 * console one by one and from CSV files (bad rows reported, the rest saved), bad bodies refused
 * with a problem naming the field. Each test uses ids of its own.
 */
abstract class CatalogueScenarios {

    static Api.Reply put(String path, String body) {
        return API.send("PUT", path, Api.admin(), "application/json", body);
    }

    @Test
    void theConsoleKeepsProductsAndCategoriesWithCrossSell() {
        String pasta = "pasta-" + unique();
        String sauces = "sauces-" + unique();
        Api.Reply saucesCreated =
                API.post("/api/v1/categories", Api.admin(), "{\"id\": \"%s\", \"name\": \"Sauces\"}".formatted(sauces));
        assertThat(saucesCreated.status()).as(saucesCreated.toString()).isEqualTo(201);
        Api.Reply pastaCreated = API.post(
                "/api/v1/categories",
                Api.admin(),
                "{\"id\": \"%s\", \"name\": \"Pasta\", \"crossSell\": [\"%s\"]}".formatted(pasta, sauces));
        assertThat(pastaCreated.status()).as(pastaCreated.toString()).isEqualTo(201);
        Api.Reply unknownCrossSell = API.post(
                "/api/v1/categories",
                Api.admin(),
                "{\"id\": \"%s\", \"name\": \"Pasta\", \"crossSell\": [\"nothing-%s\"]}".formatted(pasta, unique()));
        assertThat(unknownCrossSell.isProblem("validation-failed"))
                .as(unknownCrossSell.toString())
                .isTrue();
        assertThat(unknownCrossSell
                        .json()
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("crossSell");

        String sku = "CREAM-" + unique();
        Api.Reply product = put(
                "/api/v1/products/" + sku,
                "{\"name\": \"Day cream 50 ml\", \"category\": \"%s\", \"brand\": \"Aloe\", \"consumptionDays\": 45}"
                        .formatted(pasta));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        Api.Reply replaced = put(
                "/api/v1/products/" + sku,
                "{\"name\": \"Day cream 50 ml\", \"category\": \"%s\", \"consumptionDays\": 40}".formatted(pasta));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

        JsonObject read = API.get("/api/v1/products/" + sku, Api.admin()).json();
        assertThat(read.getInt("consumptionDays")).isEqualTo(40);
        assertThat(read.containsKey("brand") && !read.isNull("brand")).isFalse();
        JsonObject category =
                API.get("/api/v1/categories/" + pasta, Api.admin()).json();
        assertThat(category.getJsonArray("crossSell").getString(0)).isEqualTo(sauces);
        assertThat(API.get("/api/v1/products?category=" + pasta, Api.admin()).items())
                .extracting(p -> p.getString("sku"))
                .containsExactly(sku);

        assertThat(API.send("DELETE", "/api/v1/products/" + sku, Api.admin(), null, null)
                        .status())
                .isEqualTo(204);
        Api.Reply gone = API.get("/api/v1/products/" + sku, Api.admin());
        assertThat(gone.isProblem("product-not-found")).as(gone.toString()).isTrue();
        assertThat(API.get("/api/v1/categories/nothing-" + unique(), Api.admin())
                        .isProblem("category-not-found"))
                .isTrue();
        assertThat(API.get("/api/v1/products", Api.terminal("MI-001")).status()).isEqualTo(403);
    }

    @Test
    void productsAndCategoriesAreImportedFromCsvAndBadRowsAreReported() {
        String cat = "fc-" + unique();
        Api.Reply categories = API.send(
                "POST",
                "/api/v1/categories/import",
                Api.admin(),
                "text/csv",
                "id,name,cross_sell\n%s,Face creams,%s-b\n%s-b,Body creams,%s\nBAD ID,x,\n"
                        .formatted(cat, cat, cat, cat));
        assertThat(categories.status()).as(categories.toString()).isEqualTo(200);
        assertThat(categories.json().getInt("imported")).isEqualTo(2);
        assertThat(categories.json().getInt("rejected")).isEqualTo(1);

        String prefix = "P" + unique().toUpperCase();
        StringBuilder csv = new StringBuilder("sku,name,category,brand,consumption_days\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",Cream ")
                    .append(i)
                    .append(',')
                    .append(cat)
                    .append(",Aloe,")
                    .append(30 + i % 30)
                    .append('\n');
        }
        csv.append(prefix).append("-bad,Cream,").append(cat).append(",Aloe,forever\n");
        csv.append(prefix).append("-bad2,,").append(cat).append(",,\n");
        csv.append(prefix).append("-bad3,x,").append(cat).append(",,1,extra\n");
        Api.Reply products = API.send("POST", "/api/v1/products/import", Api.admin(), "text/csv", csv.toString());

        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        assertThat(products.json().getInt("imported")).isEqualTo(2_500);
        List<JsonObject> rejects = products.json().getJsonArray("rejects").getValuesAs(JsonObject.class);
        assertThat(rejects).extracting(r -> r.getInt("line")).containsExactly(2_502, 2_503, 2_504);
        assertThat(rejects.get(0).getString("reason")).contains("consumption_days");
        assertThat(rejects.get(1).getString("reason")).contains("name");
        assertThat(rejects.get(2).getString("reason")).contains("unknown column");
        assertThat(Api.count("SELECT COUNT(*) FROM product WHERE category = '" + cat + "'"))
                .isEqualTo(2_500);

        Api.Reply header = API.send("POST", "/api/v1/products/import", Api.admin(), "text/csv", "sku,colour\nA,red\n");
        assertThat(header.isProblem("catalogue-header-invalid"))
                .as(header.toString())
                .isTrue();
        Api.Reply badJson = API.post("/api/v1/products", Api.admin(), "{\"sku\": \"X\", \"name\": 3, \"category\": }");
        assertThat(badJson.status()).isEqualTo(400);
        Api.Reply missing =
                API.post("/api/v1/products", Api.admin(), "{\"sku\": \"X-" + unique() + "\", \"category\": \"c\"}");
        assertThat(missing.isProblem("validation-failed"))
                .as(missing.toString())
                .isTrue();
        Api.Reply days =
                put("/api/v1/products/X-" + unique(), "{\"name\": \"n\", \"category\": \"c\", \"consumptionDays\": 0}");
        assertThat(days.isProblem("validation-failed")).as(days.toString()).isTrue();
    }
}
