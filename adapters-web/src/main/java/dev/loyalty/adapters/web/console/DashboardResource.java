package dev.loyalty.adapters.web.console;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.dashboard.Dashboard;
import dev.loyalty.application.dashboard.DashboardQuery;
import dev.loyalty.application.shared.ProgrammeCurrency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /dashboard}: the console's figures, counted when asked. */
@Path("dashboard")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Console")
public class DashboardResource {

    @Inject
    DashboardQuery dashboard;

    @Inject
    Caller caller;

    @Inject
    ProgrammeCurrency programme;

    /** What a thousand points are worth, in cents of the programme's currency (the liability's value). */
    @Inject
    @ConfigProperty(name = "loyalty.points.value-cents-per-thousand", defaultValue = "1000")
    long centsPerThousandPoints;

    @GET
    @Operation(
            operationId = "readDashboard",
            summary = "The programme at a glance (console)",
            description = "Members and new members per week (the last 12, Monday to Sunday UTC), active customers"
                    + " (30 days), the points liability and its value, points expiring next month, coupons issued and"
                    + " redeemed per week, messages by status and suppressions by reason, the reactions' backlog and"
                    + " parked events.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an administrator (code forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DashboardView read() {
        Dashboard figures = dashboard.dashboard(caller.actor());
        return DashboardView.of(figures, programme.code(), centsPerThousandPoints);
    }

    /**
     * The dashboard as the console reads it.
     *
     * @param at when counted
     * @param members customers enrolled
     * @param activeCustomers customers with a purchase or an event in the last 30 days
     * @param pointsOutstanding points in every wallet
     * @param pointsValue their value in cents of {@code currency}
     * @param currency the programme's currency
     * @param pointsExpiringNextMonth points expiring in the next calendar month (UTC)
     * @param weeks the last 12 weeks, oldest first
     * @param messagesByStatus messages by status
     * @param suppressedByReason suppressed messages by reason
     * @param reactionsBacklog events still to be reacted to
     * @param parkedEvents events parked after failed reactions
     */
    public record DashboardView(
            Instant at,
            long members,
            long activeCustomers,
            long pointsOutstanding,
            long pointsValue,
            String currency,
            long pointsExpiringNextMonth,
            List<WeekView> weeks,
            Map<String, Long> messagesByStatus,
            Map<String, Long> suppressedByReason,
            long reactionsBacklog,
            long parkedEvents) {

        static DashboardView of(Dashboard d, String currency, long centsPerThousand) {
            return new DashboardView(
                    d.at(),
                    d.members(),
                    d.activeCustomers(),
                    d.pointsOutstanding(),
                    Math.floorDiv(Math.multiplyExact(d.pointsOutstanding(), centsPerThousand) + 500, 1000),
                    currency,
                    d.pointsExpiringNextMonth(),
                    d.weeks().stream().map(WeekView::of).toList(),
                    d.messagesByStatus(),
                    d.suppressedByReason(),
                    d.reactionsBacklog(),
                    d.parkedEvents());
        }
    }

    /**
     * One week.
     *
     * @param start its Monday
     * @param members customers enrolled at its end
     * @param newMembers enrolled during it
     * @param couponsIssued coupons issued during it
     * @param couponsRedeemed coupons redeemed during it
     */
    public record WeekView(LocalDate start, long members, long newMembers, long couponsIssued, long couponsRedeemed) {
        static WeekView of(Dashboard.Week w) {
            return new WeekView(w.start(), w.members(), w.newMembers(), w.couponsIssued(), w.couponsRedeemed());
        }
    }
}
