package dev.loyalty.adapters.web.purchase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /purchases/{id}/reversal}: the units given back per line (line numbers
 * from 1, in receipt order), or no lines (or no body) for everything not given back yet; and why.
 */
public record ReversalRequest(
        @Size(max = 500) List<@NotNull @Valid ReturnedLine> lines, @Size(max = 200) String reason) {

    /** Units of one line. */
    public record ReturnedLine(
            @NotNull @Positive @Max(500) Integer lineNumber, @NotNull @Positive @Max(10_000) Integer quantity) {}
}
