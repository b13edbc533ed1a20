package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.FollowUp;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Driven port: who a campaign reached on which occasion, one row per (campaign, customer, occasion). */
public interface CampaignMembers {

    /**
     * Records a member (first as the run starts on them: the key (campaign, customer, occasion) makes
     * a second record impossible, so what follows happens once).
     *
     * @return false when the member was recorded before (by this run, a rerun or another instance)
     */
    boolean record(Member member);

    /** Writes what the member finally got (same key, same transaction as {@link #record}). */
    void complete(Member member);

    /**
     * @param campaign the campaign
     * @param customers a page's customers
     * @return which of them were recorded before, as {@code customerId + " " + occasion}
     */
    java.util.Set<String> recorded(CampaignId campaign, java.util.Collection<CustomerId> customers);

    /**
     * Records a page's members, each with what it finally got, in multi-row statements of the
     * caller's transaction: all or none. A
     * key recorded meanwhile (by a rerun or another instance) fails it, and so the page's
     * transaction, whose retry then sees it as {@link #recorded}.
     */
    void recordAll(List<Member> members);

    /**
     * @return the treatment members of an earlier campaign, offered, whose attribution window closed
     *     before {@code now}, that responded or not, after {@code afterCustomerId} by customer id
     */
    List<CustomerId> followUpTargets(
            CampaignId earlier,
            FollowUp.Group group,
            int attributionDays,
            Instant now,
            String afterCustomerId,
            int limit);

    /** @return how many {@link #followUpTargets} there are */
    long countFollowUpTargets(CampaignId earlier, FollowUp.Group group, int attributionDays, Instant now);

    /**
     * A member's record.
     *
     * @param campaign the campaign
     * @param customer the customer
     * @param occasion the occasion
     * @param runId the run
     * @param treatment false for the control group
     * @param outcome OFFERED, HELD_OUT, SUPPRESSED or OVER_BUDGET
     * @param suppressedReason why SUPPRESSED
     * @param channel the message's channel
     * @param contactedAt the run's processing instant
     * @param messageId the outbox's message
     * @param couponCode the coupon issued
     * @param points the points granted
     * @param offerValueCents a personal offer's value
     * @param offerMinSpendCents a personal offer's minimum spend
     * @param scopeSku the product the offer is about
     * @param scopeCategory the category the offer is about
     */
    record Member(
            CampaignId campaign,
            CustomerId customer,
            String occasion,
            UUID runId,
            boolean treatment,
            String outcome,
            Optional<String> suppressedReason,
            Optional<String> channel,
            Instant contactedAt,
            Optional<UUID> messageId,
            Optional<String> couponCode,
            long points,
            Optional<Long> offerValueCents,
            Optional<Long> offerMinSpendCents,
            Optional<String> scopeSku,
            Optional<String> scopeCategory) {

        /** A control-group member: recorded with its contact instant, offered and sent nothing. */
        static Member heldOut(
                CampaignId campaign,
                CustomerId customer,
                String occasion,
                UUID runId,
                Instant at,
                Optional<String> scopeSku,
                Optional<String> scopeCategory) {
            return new Member(
                    campaign,
                    customer,
                    occasion,
                    runId,
                    false,
                    "HELD_OUT",
                    Optional.empty(),
                    Optional.empty(),
                    at,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    scopeSku,
                    scopeCategory);
        }
    }
}
