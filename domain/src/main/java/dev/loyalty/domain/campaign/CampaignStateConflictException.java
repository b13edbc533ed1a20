package dev.loyalty.domain.campaign;

import dev.loyalty.domain.shared.DomainException;

/**
 * What was asked does not fit the campaign's status (launching a campaign that is not a draft,
 * running a draft, changing a launched campaign). Code {@value #CODE}.
 */
public class CampaignStateConflictException extends DomainException {

    public static final String CODE = "campaign-state-conflict";

    /** @param detail the status and what was refused */
    public CampaignStateConflictException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
