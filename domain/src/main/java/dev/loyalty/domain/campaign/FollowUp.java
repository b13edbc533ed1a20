package dev.loyalty.domain.campaign;

import java.util.Objects;

/**
 * A FOLLOW_UP campaign's targets: an earlier campaign's treatment members that responded (a
 * purchase within its attribution window after their contact) or did not, once that window closed.
 *
 * @param campaign the earlier campaign
 * @param group responders or non-responders
 */
public record FollowUp(CampaignId campaign, Group group) {

    /** Which of the earlier campaign's treatment members. */
    public enum Group {
        RESPONDERS,
        NON_RESPONDERS
    }

    public FollowUp {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(group, "group");
    }
}
