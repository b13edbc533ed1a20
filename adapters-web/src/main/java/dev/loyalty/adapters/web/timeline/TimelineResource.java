package dev.loyalty.adapters.web.timeline;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.timeline.TimelineEntry;
import dev.loyalty.application.timeline.TimelineQuery;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's timeline of a customer. */
@Path("customers/{customerId}/timeline")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Customers")
public class TimelineResource {

    @Inject
    TimelineQuery timeline;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getCustomerTimeline",
            summary = "Everything that happened to a customer, newest first; page on with ?before=<at of the last>")
    public TimelineView page(
            @PathParam("customerId") String customerId,
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        List<TimelineEntry> entries = timeline.timeline(
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                Optional.ofNullable(before).map(t -> Times.instant("before", t)),
                limit,
                caller.actor());
        return new TimelineView(
                entries.stream().map(Item::of).toList(),
                entries.size() == limit ? entries.get(entries.size() - 1).at() : null);
    }

    /**
     * A page of the timeline.
     *
     * @param items newest first
     * @param nextBefore the {@code before} of the next page, or {@code null} at the end
     */
    public record TimelineView(List<Item> items, Instant nextBefore) {}

    /**
     * One entry.
     *
     * @param at when
     * @param kind EVENT, POINTS, COUPON, ...
     * @param type what, within the kind
     * @param summary one line
     * @param reference what it refers to
     * @param details its facts
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TimelineItem")
    public record Item(
            Instant at, String kind, String type, String summary, String reference, Map<String, Object> details) {

        static Item of(TimelineEntry e) {
            return new Item(e.at(), e.kind(), e.type(), e.summary(), e.reference(), e.details());
        }
    }
}
