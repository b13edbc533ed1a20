package dev.loyalty.adapters.web.segment;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.segment.CustomerSummary;
import dev.loyalty.application.segment.SegmentUseCases;
import dev.loyalty.application.segment.Snapshot;
import dev.loyalty.domain.segment.Segment;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.segment.SegmentNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's segments: preview a condition, save it, read it with its last count, freeze its
 * membership in a snapshot, and page through members. The condition language is the README's
 * "Segments"; a bad node is a 422 {@code segment-condition-invalid} naming its JSON path.
 */
@Path("segments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Segments")
public class SegmentResource {

    private static final String EXAMPLE =
            """
            {"name": "Lapsing cream buyers with SMS consent",
             "condition": {"all": [
               {"bought": {"category": "personal-care", "betweenDaysAgo": [25, 35], "notSince": true}},
               {"metric": "monetary", "op": "gte", "value": 10000},
               {"consent": "MARKETING_SMS"}]}}""";

    @Inject
    SegmentUseCases segments;

    @Inject
    Caller caller;

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "previewSegment",
            summary = "Count who meets a condition now, with a sample of them (nothing is saved)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "Frequent shoppers",
                                            value =
                                                    """
                    {"condition": {"all": [{"metric": "frequency", "op": "gte", "value": 10},
                                           {"attribute": "city", "in": ["Milano", "Torino"]}]}}""")))
    @APIResponse(
            responseCode = "200",
            description = "{count, sample: [customers]}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SegmentViews.PreviewView.class)))
    @APIResponse(responseCode = "422", description = "segment-condition-invalid, with the path of the bad node")
    public SegmentViews.PreviewView preview(String body) {
        SegmentBody parsed = SegmentBody.read(body, false);
        return SegmentViews.PreviewView.of(segments.preview(parsed.condition(), caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "defineSegment", summary = "Save a segment (counted at once)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "Lapsing cream buyers", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Saved, with its count")
    @APIResponse(responseCode = "409", description = "segment-name-taken")
    public Response define(String body, @Context UriInfo uri) {
        SegmentBody parsed = SegmentBody.read(body, true);
        Segment segment = segments.define(parsed.name().orElseThrow(), parsed.condition(), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(segment.id().toString())
                        .build())
                .entity(SegmentViews.SegmentView.of(segment))
                .build();
    }

    @GET
    @Operation(operationId = "listSegments", summary = "Every segment, by name, with its last count")
    public SegmentViews.SegmentList all() {
        return new SegmentViews.SegmentList(segments.segments(caller.actor()).stream()
                .map(SegmentViews.SegmentView::of)
                .toList());
    }

    @GET
    @Path("{segmentId}")
    @Operation(operationId = "getSegment", summary = "One segment, with the count and instant of its last evaluation")
    public SegmentViews.SegmentView one(@PathParam("segmentId") String segmentId) {
        return SegmentViews.SegmentView.of(segments.segment(SegmentId.parse(segmentId), caller.actor()));
    }

    @PUT
    @Path("{segmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeSegment", summary = "Change a segment's name and condition (counted again)")
    public SegmentViews.SegmentView change(@PathParam("segmentId") String segmentId, String body) {
        SegmentBody parsed = SegmentBody.read(body, true);
        return SegmentViews.SegmentView.of(segments.change(
                SegmentId.parse(segmentId), parsed.name().orElseThrow(), parsed.condition(), caller.actor()));
    }

    @POST
    @Path("{segmentId}/snapshots")
    @Operation(
            operationId = "snapshotSegment",
            summary = "Freeze the segment's members now, with its condition as it is (what campaigns target)")
    @APIResponse(responseCode = "201", description = "{snapshotId, takenAt, members}")
    public Response snapshot(@PathParam("segmentId") String segmentId, @Context UriInfo uri) {
        Snapshot snapshot = segments.snapshot(SegmentId.parse(segmentId), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(snapshot.id().toString())
                        .build())
                .entity(SegmentViews.SnapshotView.of(snapshot))
                .build();
    }

    @GET
    @Path("{segmentId}/snapshots")
    @Operation(operationId = "listSegmentSnapshots", summary = "The segment's snapshots, newest first")
    public SegmentViews.SnapshotList snapshots(@PathParam("segmentId") String segmentId) {
        return new SegmentViews.SnapshotList(segments.snapshots(SegmentId.parse(segmentId), caller.actor()).stream()
                .map(SegmentViews.SnapshotView::of)
                .toList());
    }

    @GET
    @Path("{segmentId}/members")
    @Operation(
            operationId = "listSegmentMembers",
            summary = "The segment's members by id, now or in one of its snapshots (?snapshot=), keyset paged")
    public SegmentViews.MemberPage members(
            @PathParam("segmentId") String segmentId,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after,
            @QueryParam("snapshot") String snapshot) {
        int size = limit(limit);
        Optional<UUID> snapshotId = Optional.ofNullable(snapshot).map(SegmentResource::snapshotId);
        String from = after == null ? "" : after.strip();
        if (from.length() > 36) {
            throw new InvalidValueException("after", "after is a customer id");
        }
        List<CustomerSummary> page =
                segments.members(SegmentId.parse(segmentId), snapshotId, from, size, caller.actor());
        String next =
                page.size() == size ? page.get(page.size() - 1).customerId().toString() : null;
        return new SegmentViews.MemberPage(
                page.stream().map(SegmentViews.MemberView::of).toList(), next);
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= 1_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidValueException("limit", "limit is between 1 and 1000");
    }

    private static UUID snapshotId(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new SegmentNotFoundException("no snapshot has this id");
        }
    }
}
