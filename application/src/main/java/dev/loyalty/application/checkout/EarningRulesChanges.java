package dev.loyalty.application.checkout;

import dev.loyalty.domain.earning.EarningRules;

/** Where new versions of the earning rules are stored; versions are never changed or removed. */
public interface EarningRulesChanges {

    /**
     * @throws dev.loyalty.domain.earning.EarningRulesConflictException when a version already takes effect at
     *     the same instant
     */
    void add(EarningRules version);
}
