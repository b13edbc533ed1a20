package dev.loyalty.adapters.web.history;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportJob;
import dev.loyalty.application.history.ImportPurchasesUseCase;
import dev.loyalty.application.history.ImportQuery;
import dev.loyalty.application.history.RejectedRow;
import dev.loyalty.application.history.StartImportCommand;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /imports}: a sales history (CSV or POSLog, any size) is sniffed, spooled to disk while it
 * arrives, and read by a worker; {@code 202} answers once it is on disk. Exempt from the API's
 * body size limit.
 */
@Path("imports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class.getName());

    /** How often a long upload renews its import's lease. */
    static final long RENEW_EVERY_NANOS = 20_000_000_000L;

    @Inject
    ImportPurchasesUseCase imports;

    @Inject
    ImportQuery query;

    @Inject
    Caller caller;

    @POST
    @Path("purchases")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "importPurchases",
            summary = "Import a sales history",
            description = "The body is a CSV (text/csv; one row per receipt line, header"
                    + " store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents"
                    + " [,discount_cents][,channel]; the lines of a receipt consecutive) or an ARTS POSLog document"
                    + " (application/xml), of any size: it is streamed to disk, then imported in batches. Receipts"
                    + " already recorded (by store and receipt) are counted as duplicates; bad rows are rejected with"
                    + " their line and reason (GET /imports/{id}/rejects), never abort the rest. Imported purchases"
                    + " count for tiers and history, trigger no rule, message or mission, and earn points only with"
                    + " awardPoints=true. One import runs at a time.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        examples =
                                @ExampleObject(
                                        name = "Two receipts",
                                        value =
                                                """
                    store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents
                    MI-001,R-1,2025-03-01T10:15:00Z,2900000000018,RM-LASAGNA,ready-meals,2,599
                    MI-001,R-1,2025-03-01T10:15:00Z,2900000000018,PC-SHAMPOO,personal-care,1,450
                    MI-001,R-2,2025-03-02T18:01:00Z,,RM-SOUP,ready-meals,1,300""")),
                @Content(mediaType = "application/xml")
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the body is on disk; poll GET /imports/{id}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another import is running (import-already-running)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Neither CSV nor POSLog (import-format-unsupported)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "An empty body (import-empty) or a CSV header without the expected columns"
                    + " (import-header-invalid)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importPurchases(
            InputStream body,
            @QueryParam("awardPoints") @DefaultValue("false") boolean awardPoints,
            @Context UriInfo uri)
            throws IOException {
        InputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body, 256 * 1024);
        ImportSniffer.Verdict verdict = ImportSniffer.sniff(in);
        if (verdict instanceof ImportSniffer.Refused refused) {
            return Problem.of(refused.status(), refused.code(), title(refused.code()), refused.detail())
                    .toResponse();
        }
        ImportSniffer.Format format = (ImportSniffer.Format) verdict;
        ImportJob job = imports.begin(new StartImportCommand(format.format(), awardPoints, caller.actor()));
        long bytes;
        try {
            bytes = spool(in, job);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + job.id() + ": the upload failed", e);
            imports.uploadFailed(job.id(), "the upload was interrupted");
            Files.deleteIfExists(job.file());
            throw e;
        }
        imports.spooled(job.id(), bytes);
        return Response.accepted(ImportView.of(query.importJob(job.id())))
                .location(uri.getBaseUriBuilder()
                        .path("imports")
                        .path(job.id().toString())
                        .build())
                .build();
    }

    private long spool(InputStream in, ImportJob job) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        long renewed = System.nanoTime();
        try (OutputStream out =
                Files.newOutputStream(job.file(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                total += n;
                if (System.nanoTime() - renewed > RENEW_EVERY_NANOS) {
                    imports.stillSpooling(job.id());
                    renewed = System.nanoTime();
                }
            }
        }
        return total;
    }

    @GET
    @Path("{importId}")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "getImport",
            summary = "How an import stands",
            description = "Its status, counters and the share of the file read.")
    @APIResponse(
            responseCode = "200",
            description = "The import",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such import (import-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportView importJob(@PathParam("importId") String importId) {
        return ImportView.of(query.importJob(ImportId.parse(importId)));
    }

    @GET
    @Path("{importId}/rejects")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(
            operationId = "getImportRejects",
            summary = "The rows an import rejected",
            description = "In line order, a page at a time (after: the last line of the previous page)."
                    + " Contacts in excerpts are masked.")
    @APIResponse(
            responseCode = "200",
            description = "A page of rejects",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RejectsView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such import (import-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RejectsView rejects(
            @PathParam("importId") String importId,
            @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        int size = Math.max(1, Math.min(limit, 1_000));
        List<RejectedRow> rows = query.rejects(ImportId.parse(importId), Math.max(0, after), size);
        List<RejectsView.Item> items = rows.stream()
                .map(r -> new RejectsView.Item(r.line(), r.reason(), r.excerpt()))
                .toList();
        return new RejectsView(
                items, rows.size() == size ? rows.get(rows.size() - 1).line() : null);
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
