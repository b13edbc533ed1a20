package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.checkout.QuoteRequest.Line;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /purchases}: a basket as for a quote, plus the receipt, when it
 * happened (ISO-8601 with offset, e.g. {@code 2026-11-23T10:15:00Z}) and what was paid in cents;
 * {@code offline: true} when a till recorded it without network and uploads it later (accepted up to
 * {@code LOYALTY_OFFLINE_MAX_AGE_DAYS} old, earning by the tier in force then, a coupon redeemed twice a
 * conflict rather than a refusal). {@code postAt} (optional, same format): the purchase's points stay
 * pending - shown, not spendable - until then or until the order is confirmed, and vanish if it is
 * cancelled first; at most 90 days after {@code occurredAt}. Without it an ONLINE purchase's points
 * are pending for {@code LOYALTY_PENDING_DAYS} (default 0: none) after it occurred.
 */
public record PurchaseRequest(
        @NotBlank @Size(max = 64) String storeId,
        @NotBlank @Size(max = 64) String receiptId,
        @NotBlank @Size(max = 40) String occurredAt,
        @Size(max = 64) String customerId,
        @Size(max = 32) String cardNumber,
        @Size(max = 16) String channel,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 10) List<@NotBlank @Size(max = 32) String> couponCodes,
        @NotNull @PositiveOrZero @Max(10_000_000_000L) Long totalPaid,
        Boolean offline,
        @Size(max = 40) String postAt) {}
