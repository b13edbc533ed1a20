package dev.loyalty.domain.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the marketer defined, validated by {@link CampaignDefinitionParser}: each type has what it
 * needs (CALENDAR and PERSONAL_OFFER an audience, PERSONAL_OFFER a personal offer, REPLENISHMENT
 * its products, FOLLOW_UP the earlier campaign) and nothing it would ignore.
 *
 * @param name 1 to 200 characters
 * @param objective what it is for, if said
 * @param type what its runs target
 * @param audience whom (CALENDAR, PERSONAL_OFFER)
 * @param holdoutPercent the control group's share, 0 to 50
 * @param offer what treatment members receive
 * @param message what they are told, if anything
 * @param schedule when runs are due
 * @param attributionDays how long after the contact a purchase counts as a response
 * @param budget the hard limits
 * @param activeFrom no run before
 * @param activeUntil no run from
 * @param replenishment the products (REPLENISHMENT)
 * @param followUp the earlier campaign (FOLLOW_UP)
 * @param json the definition as JSON text, as given
 */
public record CampaignDefinition(
        String name,
        Optional<String> objective,
        CampaignType type,
        Optional<Audience> audience,
        int holdoutPercent,
        Offer offer,
        Optional<MessagePlan> message,
        Schedule schedule,
        int attributionDays,
        Budget budget,
        Optional<Instant> activeFrom,
        Optional<Instant> activeUntil,
        Optional<Replenishment> replenishment,
        Optional<FollowUp> followUp,
        String json) {

    public CampaignDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(activeFrom, "activeFrom");
        Objects.requireNonNull(activeUntil, "activeUntil");
        Objects.requireNonNull(replenishment, "replenishment");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(json, "json");
    }

    /** @return whether a run may start at {@code at} (within activeFrom/activeUntil) */
    public boolean activeAt(Instant at) {
        return activeFrom.map(from -> !at.isBefore(from)).orElse(true)
                && activeUntil.map(until -> at.isBefore(until)).orElse(true);
    }
}
