package dev.loyalty.domain.rule;

import dev.loyalty.domain.shared.DomainException;

/** No rule has the given id. Code {@value #CODE}. */
public class RuleNotFoundException extends DomainException {

    public static final String CODE = "rule-not-found";

    /** @param detail what was looked for */
    public RuleNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
