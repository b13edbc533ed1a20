package dev.loyalty.domain.campaign;

import dev.loyalty.domain.shared.DomainException;

/** The campaign has no run with the id asked for. Code {@value #CODE}. */
public class CampaignRunNotFoundException extends DomainException {

    public static final String CODE = "campaign-run-not-found";

    /** @param detail what was looked for */
    public CampaignRunNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
