package dev.loyalty.adapters.web.reward;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /rewards}: what the app shows, its cost in points, the coupon it gives,
 * and optionally the tiers whose customers may claim it.
 */
public record RewardRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive @Max(10_000_000) Long pointsCost,
        @NotBlank @Size(max = 64) String templateId,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> tiers) {}
