package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.domain.campaign.evaluation.GroupFigures;
import java.util.Map;

/**
 * What one group received and did: its figures for the statistics, and what the campaign did to it.
 *
 * @param figures members, responders, attributed revenue and purchases
 * @param offered members whose outcome is OFFERED
 * @param contacted members whose message was queued, sent or delivered
 * @param contactedPerChannel the same by the message's channel
 * @param suppressedByReason members suppressed (by the run, or their message by the outbox) by reason
 * @param couponsIssued members granted a coupon
 * @param couponsRedeemed those coupons redeemed
 * @param points points granted to the group
 */
public record GroupActivity(
        GroupFigures figures,
        long offered,
        long contacted,
        Map<String, Long> contactedPerChannel,
        Map<String, Long> suppressedByReason,
        long couponsIssued,
        long couponsRedeemed,
        long points) {

    /** A group without members. */
    public static final GroupActivity EMPTY = new GroupActivity(GroupFigures.EMPTY, 0, 0, Map.of(), Map.of(), 0, 0, 0);

    public GroupActivity {
        contactedPerChannel = Map.copyOf(contactedPerChannel);
        suppressedByReason = Map.copyOf(suppressedByReason);
    }
}
