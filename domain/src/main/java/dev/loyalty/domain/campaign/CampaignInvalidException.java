package dev.loyalty.domain.campaign;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A campaign definition that breaks the rules; {@link #path()} is the JSON path of the bad node
 * (e.g. {@code $.offer.personal.roundTo}). Code {@value #CODE}.
 */
public class CampaignInvalidException extends InvalidValueException {

    public static final String CODE = "campaign-invalid";

    /**
     * @param path the JSON path of the bad node, from {@code $} (the definition)
     * @param detail what is wrong with it
     */
    public CampaignInvalidException(String path, String detail) {
        super(path, path + ": " + detail);
    }

    /** @return the JSON path of the bad node */
    public String path() {
        return field();
    }

    @Override
    public String code() {
        return CODE;
    }
}
