package dev.loyalty.adapters.web.earning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /earning-rules}: a new version of the rules - points per currency unit
 * paid, multipliers per category in percent (200 = double points), categories that earn nothing,
 * the rounding of the total (FLOOR, HALF_UP or CEILING) and when it takes effect (ISO-8601, now or
 * later; now when absent).
 */
public record EarningRulesRequest(
        @NotNull @Positive @Max(1_000) Integer pointsPerCurrencyUnit,
        @Size(max = 200) Map<@Size(min = 1, max = 64) String, @NotNull Integer> categoryMultipliers,
        @Size(max = 200) List<@NotNull @Size(min = 1, max = 64) String> excludedCategories,
        @Size(max = 16) String rounding,
        @Size(max = 40) String effectiveFrom) {}
