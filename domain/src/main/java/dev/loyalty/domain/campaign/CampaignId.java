package dev.loyalty.domain.campaign;

import java.util.UUID;

/**
 * Identity of a campaign.
 *
 * @param value the UUID
 */
public record CampaignId(UUID value) {

    /** Validates that the UUID is present. */
    public CampaignId {
        if (value == null) {
            throw new CampaignNotFoundException("campaignId is required");
        }
    }

    /** @return a fresh random identity */
    public static CampaignId newId() {
        return new CampaignId(UUID.randomUUID());
    }

    /**
     * @param raw a campaign id as text
     * @return the identity
     * @throws CampaignNotFoundException when it is not a UUID (no campaign can have it)
     */
    public static CampaignId parse(String raw) {
        try {
            return new CampaignId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new CampaignNotFoundException("no campaign has this id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
