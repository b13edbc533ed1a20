package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: the firings of a rule that belongs to a campaign, recorded as that campaign's members
 * (one row per customer and occasion, as a run's members; no run), so that the campaign's holdout
 * and evaluation cover event-triggered contacts too.
 */
@FunctionalInterface
public interface CampaignContacts {

    /**
     * Records a contact.
     *
     * @return false when it was recorded before (a reaction retried)
     */
    boolean record(Contact contact);

    /**
     * A rule's contact.
     *
     * @param campaign the rule's campaign
     * @param customer the customer the event was about
     * @param occasion the rule and the event ({@code rule:<ruleId>:event:<row>})
     * @param rule the rule
     * @param treatment false for the campaign's control group (the rule did nothing for them)
     * @param contactedAt when the rule reacted (the evaluation's window starts there)
     * @param couponCode the coupon its actions issued
     * @param points the points its actions awarded
     * @param messageId the message it queued
     * @param channel the message's channel
     * @param suppressedReason why the message may reach the customer by no channel, if so
     */
    record Contact(
            CampaignId campaign,
            CustomerId customer,
            String occasion,
            RuleId rule,
            boolean treatment,
            Instant contactedAt,
            Optional<String> couponCode,
            long points,
            Optional<UUID> messageId,
            Optional<String> channel,
            Optional<String> suppressedReason) {

        public Contact {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(occasion, "occasion");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(contactedAt, "contactedAt");
            Objects.requireNonNull(couponCode, "couponCode");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(suppressedReason, "suppressedReason");
        }

        /** @return HELD_OUT for the control group; SUPPRESSED when no channel may reach them; else OFFERED */
        public String outcome() {
            return !treatment ? "HELD_OUT" : suppressedReason.isPresent() ? "SUPPRESSED" : "OFFERED";
        }
    }
}
