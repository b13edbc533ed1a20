package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: what a campaign's members did, read set-based from {@code campaign_member}, the
 * purchases in each member's attribution window, the campaign's coupons and messages.
 */
public interface CampaignOutcomes {

    /** @return the campaign's attribution window and when its members were contacted; empty if no such campaign */
    Optional<EvaluatedCampaign> campaign(UUID campaignId);

    /** @return each group's activity (a group without members is absent) */
    Map<MemberGroup, GroupActivity> groups(EvaluatedCampaign campaign);

    /** @return the discounts, cents, the campaign's coupons granted on purchases */
    long discountsGranted(UUID campaignId);

    /**
     * Writes the outcome (attributed purchases, revenue) of up to {@code limit} members of one
     * campaign whose attribution window closed before {@code closedBefore} and that were recorded
     * more than {@code grace} ago (the database's clock), by the definition the
     * live evaluation applies; from then on the evaluation reads those members' outcomes as written.
     *
     * @return how many members were settled (0: none is due)
     */
    int settle(Instant closedBefore, java.time.Duration grace, int limit);

    /** @return a page of members in (customer id, occasion) order after {@code query}'s position */
    List<MemberOutcome> members(EvaluatedCampaign campaign, MemberQuery query);

    /**
     * A campaign as the evaluation needs it.
     *
     * @param id the campaign
     * @param name its name
     * @param attributionDays a member responds by buying within this many days of contact
     * @param firstContact its first member's contact; empty before any run
     * @param lastContact its last member's contact
     */
    record EvaluatedCampaign(
            UUID id, String name, int attributionDays, Optional<Instant> firstContact, Optional<Instant> lastContact) {}
}
