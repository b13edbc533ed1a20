package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import java.time.Instant;
import java.util.UUID;

/**
 * One member (a customer on one occasion) and whether they responded in their window.
 *
 * @param customerId the customer
 * @param occasion the run, or the purchase cycle of a replenishment
 * @param group treatment or control
 * @param contactedAt the instant their window starts
 * @param responded whether a purchase (one including the campaign's product or category, if any) fell in it
 */
public record MemberOutcome(
        UUID customerId, String occasion, MemberGroup group, Instant contactedAt, boolean responded) {}
