package dev.loyalty.adapters.web.coupon;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /coupon-templates}: money in cents of the programme currency, a percent
 * from 1 to 100, validity as a window and/or a number of days after issue; optionally the tiers
 * whose customers may use its coupons (names of the tier programme's tiers).
 */
public record CouponTemplateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid DiscountBody discount,
        @PositiveOrZero @Max(100_000_000) Long minSpend,
        @NotEmpty @Size(max = 2) List<@NotBlank @Size(max = 16) String> channels,
        Instant validFrom,
        Instant validUntil,
        @Positive @Max(3650) Integer validDays,
        @Positive @Max(1000) Integer perCustomerLimit,
        @Size(max = 100) List<@NotBlank @Size(max = 64) String> categories,
        @Positive Long maxRedemptions,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> tiers) {

    /** {@code AMOUNT_OFF} with a value in cents, or {@code PERCENT_OFF} with a value from 1 to 100. */
    public record DiscountBody(
            @NotBlank @Size(max = 16) String type, @NotNull @Positive @Max(100_000_000) Long value) {}
}
