package dev.loyalty.adapters.persistence.earning;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PointsRounding;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Between a version of the {@link EarningRules} and its {@code earning_rules} row: the category
 * multipliers as sorted {@code category=multiplier} lines, the excluded categories sorted, one a
 * line.
 */
final class EarningRulesMapper {

    private EarningRulesMapper() {}

    static EarningRulesJpaEntity toRow(EarningRules version) {
        EarningRulesJpaEntity row = new EarningRulesJpaEntity();
        row.effectiveFrom = UtcTimes.utc(version.effectiveFrom());
        row.currency = version.currency().getCurrencyCode();
        row.pointsPerCurrencyUnit = version.pointsPerCurrencyUnit();
        row.rounding = version.rounding().name();
        row.categoryMultipliers = version.categoryMultipliers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        row.excludedCategories = version.excludedCategories().stream().sorted().collect(Collectors.joining("\n"));
        return row;
    }

    static EarningRules toDomain(EarningRulesJpaEntity row) {
        Map<String, Integer> multipliers = new LinkedHashMap<>();
        for (String line : lines(row.categoryMultipliers)) {
            String[] pair = line.split("=", 2);
            multipliers.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
        }
        Set<String> excluded =
                Arrays.stream(lines(row.excludedCategories)).map(String::trim).collect(Collectors.toSet());
        return new EarningRules(
                row.pointsPerCurrencyUnit,
                multipliers,
                excluded,
                PointsRounding.valueOf(row.rounding),
                Currency.getInstance(row.currency),
                UtcTimes.instant(row.effectiveFrom));
    }

    private static String[] lines(String text) {
        return text == null || text.isBlank() ? new String[0] : text.strip().split("\\R");
    }
}
