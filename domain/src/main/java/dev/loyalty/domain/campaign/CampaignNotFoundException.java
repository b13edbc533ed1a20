package dev.loyalty.domain.campaign;

import dev.loyalty.domain.shared.DomainException;

/** No campaign has the id asked for. Code {@value #CODE}. */
public class CampaignNotFoundException extends DomainException {

    public static final String CODE = "campaign-not-found";

    /** @param detail what was looked for, without personal data */
    public CampaignNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
