package dev.loyalty.adapters.web.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /customers/{id}/tier}: the tier to set, why (kept in the audit and in the
 * customer's export: a case or a rule, not personal details) and, optionally, until when it is held
 * whatever the customer's activity (ISO-8601 with offset).
 */
public record OverrideRequest(
        @NotBlank @Size(max = 64) String tier,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 40) String until) {}
