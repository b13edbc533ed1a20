package dev.loyalty.adapters.web.catalogue;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.catalogue.CatalogueUseCases;
import dev.loyalty.application.catalogue.Category;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /categories}: the catalogue's categories and their cross-sell, kept by the console. */
@Path("categories")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CategoryResource {

    @Inject
    CatalogueUseCases catalogue;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listCategories", summary = "Categories", description = "All of them, in id order.")
    public List<CategoryBody> categories() {
        return catalogue.categories().stream().map(CategoryBody::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getCategory", summary = "A category")
    @APIResponse(
            responseCode = "200",
            description = "The category",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such category (category-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CategoryBody category(@PathParam("id") String id) {
        return CategoryBody.of(catalogue.category(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "createCategory",
            summary = "Add or replace a category (by its id)",
            description = "crossSell: the categories proposed to who bought in this one; they must exist.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "Pasta proposes sauces",
                                            value =
                                                    "{\"id\": \"pasta\", \"name\": \"Pasta\", \"crossSell\": [\"sauces\"]}")))
    public Response add(@NotNull @Valid CategoryBody body, @Context UriInfo uri) {
        if (body.id() == null || body.id().isBlank()) {
            throw new InvalidValueException("id", "id is required");
        }
        return saved(
                body.toCategory(body.id()),
                uri.getAbsolutePathBuilder().path(body.id().strip()).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "saveCategory", summary = "Add or replace the category of this id")
    public Response put(@PathParam("id") String id, @NotNull @Valid CategoryBody body, @Context UriInfo uri) {
        return saved(body.toCategory(id), uri.getAbsolutePath());
    }

    private Response saved(Category category, java.net.URI location) {
        boolean created = catalogue.saveCategory(category, caller.actor());
        return CatalogueCsv.saved(created, CategoryBody.of(category), location);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "deleteCategory", summary = "Remove a category (its past sales keep it on their lines)")
    public Response delete(@PathParam("id") String id) {
        catalogue.deleteCategory(id, caller.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "importCategories",
            summary = "Add or replace categories from a CSV",
            description =
                    "Header id,name[,cross_sell]; cross_sell is category ids separated by ';' (they may be"
                            + " defined later in the file or by a later import). Bad rows are reported and never stop the rest.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            examples =
                                    @ExampleObject(
                                            name = "Pasta and sauces",
                                            value =
                                                    "id,name,cross_sell\npasta,Pasta,sauces;cheese\nsauces,Sauces,pasta")))
    @APIResponse(
            responseCode = "200",
            description = "What was imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CsvImportView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not a categories CSV (catalogue-header-invalid)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCsv(InputStream body) throws IOException {
        return CatalogueCsv.importResponse(
                body,
                List.of("id", "name"),
                List.of("cross_sell"),
                CategoryResource::category,
                batch -> catalogue.importCategories(batch, caller.actor()));
    }

    private static Category category(Map<String, String> row) {
        String crossSell = row.getOrDefault("cross_sell", "");
        return new Category(
                row.get("id"), row.get("name"), crossSell.isBlank() ? List.of() : Arrays.asList(crossSell.split(";")));
    }
}
