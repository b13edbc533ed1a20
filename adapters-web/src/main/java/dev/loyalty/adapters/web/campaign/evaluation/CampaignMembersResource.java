package dev.loyalty.adapters.web.campaign.evaluation;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.campaign.evaluation.CampaignEvaluationUseCases;
import dev.loyalty.application.campaign.evaluation.MemberOutcome;
import dev.loyalty.application.campaign.evaluation.MemberQuery;
import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /campaigns/{campaignId}/members}: the campaign's members (a customer once per occasion)
 * with whether each responded in their window, by customer id then occasion, a page at a time
 * ({@code next} is the opaque cursor to pass as {@code after}).
 */
@Path("campaigns/{campaignId}/members")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Campaign evaluation")
public class CampaignMembersResource {

    @Inject
    CampaignEvaluationUseCases evaluations;

    @Inject
    Caller caller;

    /**
     * One member.
     *
     * @param customerId the customer
     * @param occasion the run (or purchase cycle) that made them a member
     * @param group TREATMENT or CONTROL
     * @param contactedAt when their window opened
     * @param responded whether they bought in it
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CampaignMember")
    public record MemberView(String customerId, String occasion, String group, Instant contactedAt, boolean responded) {

        static MemberView of(MemberOutcome m) {
            return new MemberView(
                    m.customerId().toString(), m.occasion(), m.group().name(), m.contactedAt(), m.responded());
        }
    }

    /**
     * A page of members.
     *
     * @param items the members
     * @param next the cursor for the next page ({@code after}); {@code null} on the last page
     */
    @JsonbNillable
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CampaignMemberPage")
    public record MemberPage(List<MemberView> items, @JsonbNillable String next) {}

    @GET
    @Operation(
            operationId = "listCampaignMembers",
            summary = "The campaign's members and whether each responded, keyset paged",
            description = "?group=TREATMENT|CONTROL, ?responded=true|false, ?limit=1..1000 (default 100),"
                    + " ?after=the previous page's next.")
    @APIResponse(
            responseCode = "200",
            description = "{items: [{customerId, occasion, group, contactedAt, responded}], next}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberPage.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign (campaign-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A bad group, responded, limit or after (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberPage members(
            @PathParam("campaignId") String campaignId,
            @QueryParam("group") String group,
            @QueryParam("responded") String responded,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        MemberQuery query = new MemberQuery(group(group), responded(responded), after(after), limit(limit));
        List<MemberOutcome> page =
                evaluations.members(CampaignEvaluationResource.campaignId(campaignId), query, caller.actor());
        String next = page.size() == query.limit() ? cursor(page.get(page.size() - 1)) : null;
        return new MemberPage(page.stream().map(MemberView::of).toList(), next);
    }

    private static Optional<MemberGroup> group(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MemberGroup.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("group", "group is TREATMENT or CONTROL");
        }
    }

    private static Optional<Boolean> responded(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return switch (raw.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidValueException("responded", "responded is true or false");
        };
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MemberQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidValueException("limit", "limit is between 1 and " + MemberQuery.MAX_LIMIT);
    }

    /** The cursor: the member's customer id and occasion, base64url. */
    static String cursor(MemberOutcome m) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((m.customerId() + "\n" + m.occasion()).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<MemberQuery.Position> after(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            if (raw.length() > 400) {
                throw new IllegalArgumentException("too long");
            }
            String decoded = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            if (newline != 36) {
                throw new IllegalArgumentException("no customer id");
            }
            return Optional.of(new MemberQuery.Position(
                    UUID.fromString(decoded.substring(0, newline)), decoded.substring(newline + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("after", "after is the next cursor of an earlier page");
        }
    }
}
