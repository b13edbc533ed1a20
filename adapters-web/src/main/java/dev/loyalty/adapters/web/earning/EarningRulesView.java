package dev.loyalty.adapters.web.earning;

import dev.loyalty.domain.earning.EarningRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One version of the earning rules. */
public record EarningRulesView(
        int pointsPerCurrencyUnit,
        Map<String, Integer> categoryMultipliers,
        List<String> excludedCategories,
        String rounding,
        String currency,
        String effectiveFrom) {

    static EarningRulesView of(EarningRules rules) {
        return new EarningRulesView(
                rules.pointsPerCurrencyUnit(),
                new TreeMap<>(rules.categoryMultipliers()),
                rules.excludedCategories().stream().sorted().toList(),
                rules.rounding().name(),
                rules.currency().getCurrencyCode(),
                rules.effectiveFrom().toString());
    }

    /**
     * The rules in force now and every version, oldest first.
     *
     * @param current the version in force now
     * @param versions every version
     */
    public record History(EarningRulesView current, List<EarningRulesView> versions) {}
}
