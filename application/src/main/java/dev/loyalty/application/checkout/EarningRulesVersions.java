package dev.loyalty.application.checkout;

import dev.loyalty.domain.earning.EarningRulesHistory;

/** Every version of the programme's earning rules, to pick the one in force at a purchase. */
@FunctionalInterface
public interface EarningRulesVersions {

    EarningRulesHistory history();
}
