package dev.loyalty.domain.reward;

import dev.loyalty.domain.shared.DomainException;

/** No active reward has the id asked for. Code {@value #CODE}. */
public class RewardNotFoundException extends DomainException {

    /** The machine code. */
    public static final String CODE = "reward-not-found";

    /** @param detail why */
    public RewardNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
