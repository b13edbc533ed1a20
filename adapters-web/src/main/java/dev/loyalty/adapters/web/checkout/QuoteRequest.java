package dev.loyalty.adapters.web.checkout;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /checkouts/quote}: the store, the customer (by id or card, or neither),
 * the lines with unit prices in cents of the programme currency, the coupon codes presented.
 */
public record QuoteRequest(
        @NotBlank @Size(max = 64) String storeId,
        @Size(max = 64) String customerId,
        @Size(max = 32) String cardNumber,
        @Size(max = 16) String channel,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 10) List<@NotBlank @Size(max = 32) String> couponCodes) {

    /** One basket line. */
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 64) String category,
            @NotNull @Positive @Max(10_000) Integer quantity,
            @NotNull @PositiveOrZero @Max(100_000_000) Long unitPrice) {

        /**
         * @param currency the programme's currency (ISO 4217 code)
         * @return the line in it
         */
        public BasketLine toBasketLine(String currency) {
            return new BasketLine(sku, category, quantity, Money.of(unitPrice, currency));
        }
    }
}
