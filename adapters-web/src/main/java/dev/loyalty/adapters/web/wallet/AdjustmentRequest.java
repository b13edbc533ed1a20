package dev.loyalty.adapters.web.wallet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a manual adjustment: signed points, a reason the customer will read, a case reference. */
public record AdjustmentRequest(
        @NotNull Long points, @NotBlank @Size(max = 200) String reason, @Size(max = 255) String reference) {}
