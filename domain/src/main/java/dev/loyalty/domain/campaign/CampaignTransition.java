package dev.loyalty.domain.campaign;

import java.util.Locale;

/**
 * What the console asks of a campaign's status: LAUNCH (a draft or a paused campaign goes
 * SCHEDULED), PAUSE (no run starts; a run in progress stops at its next page), CANCEL (for good).
 * RUNNING and COMPLETED are not asked for: the campaign's runs take it there.
 */
public enum CampaignTransition {
    LAUNCH,
    PAUSE,
    CANCEL;

    /** @return its name in a path: launch, pause, cancel */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
