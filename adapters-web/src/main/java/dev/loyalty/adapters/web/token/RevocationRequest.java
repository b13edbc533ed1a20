package dev.loyalty.adapters.web.token;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /token-revocations}: exactly one of {@code jti} (one token) and {@code
 * subject} (every token of a terminal, an integration or a customer issued until now), and why.
 */
public record RevocationRequest(
        @Size(max = 255) String jti, @Size(max = 255) String subject, @Size(max = 500) String reason) {}
