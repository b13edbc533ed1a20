package dev.loyalty.adapters.web.catalogue;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.catalogue.CatalogueUseCases;
import dev.loyalty.application.catalogue.Product;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /products}: the catalogue's products, kept by the console. */
@Path("products")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class ProductResource {

    static final List<String> REQUIRED = List.of("sku", "name", "category");
    static final List<String> OPTIONAL = List.of("brand", "consumption_days");

    @Inject
    CatalogueUseCases catalogue;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "listProducts",
            summary = "Products",
            description = "In SKU order, a page at a time (after: the last SKU seen).")
    public List<ProductBody> products(
            @QueryParam("category") String category,
            @QueryParam("after") @DefaultValue("") String after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return catalogue.products(Optional.ofNullable(category).filter(c -> !c.isBlank()), after, limit).stream()
                .map(ProductBody::of)
                .toList();
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getProduct", summary = "A product")
    @APIResponse(
            responseCode = "200",
            description = "The product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such product (product-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductBody product(@PathParam("sku") String sku) {
        return ProductBody.of(catalogue.product(sku));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "createProduct", summary = "Add or replace a product (by its sku)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "A 45-day cream",
                                            value =
                                                    """
                    {"sku": "PC-CREAM-50", "name": "Day cream 50 ml", "category": "personal-care", "brand": "Aloe",
                     "consumptionDays": 45}""")))
    public Response add(@NotNull @Valid ProductBody body, @Context UriInfo uri) {
        if (body.sku() == null || body.sku().isBlank()) {
            throw new InvalidValueException("sku", "sku is required");
        }
        return saved(
                body.toProduct(body.sku()),
                uri.getAbsolutePathBuilder().path(body.sku().strip()).build());
    }

    @PUT
    @Path("{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "saveProduct", summary = "Add or replace the product of this sku")
    public Response put(@PathParam("sku") String sku, @NotNull @Valid ProductBody body, @Context UriInfo uri) {
        return saved(body.toProduct(sku), uri.getAbsolutePath());
    }

    private Response saved(Product product, java.net.URI location) {
        boolean created = catalogue.saveProduct(product, caller.actor());
        return CatalogueCsv.saved(created, ProductBody.of(product), location);
    }

    @DELETE
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "deleteProduct", summary = "Remove a product (its past sales keep their category)")
    public Response delete(@PathParam("sku") String sku) {
        catalogue.deleteProduct(sku, caller.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "importProducts",
            summary = "Add or replace products from a CSV",
            description = "Header sku,name,category[,brand][,consumption_days]; any size, saved in batches of 1,000."
                    + " Bad rows are reported (the first 100) and never stop the rest.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            examples =
                                    @ExampleObject(
                                            name = "Two products",
                                            value =
                                                    """
                    sku,name,category,brand,consumption_days
                    PC-CREAM-50,Day cream 50 ml,personal-care,Aloe,45
                    RM-LASAGNA,Lasagna 400 g,ready-meals,,""")))
    @APIResponse(
            responseCode = "200",
            description = "What was imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CsvImportView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not a products CSV (catalogue-header-invalid)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCsv(InputStream body) throws IOException {
        return CatalogueCsv.importResponse(
                body,
                REQUIRED,
                OPTIONAL,
                ProductResource::product,
                batch -> catalogue.importProducts(batch, caller.actor()));
    }

    private static Product product(Map<String, String> row) {
        String days = row.getOrDefault("consumption_days", "");
        Integer consumptionDays = null;
        if (!days.isEmpty()) {
            if (!days.matches("\\d{1,4}")) {
                throw new InvalidValueException("consumption_days", "consumption_days is a whole number of days");
            }
            consumptionDays = Integer.valueOf(days);
        }
        return new Product(
                row.get("sku"),
                row.get("name"),
                row.get("category"),
                Optional.ofNullable(row.get("brand")),
                Optional.ofNullable(consumptionDays));
    }
}
