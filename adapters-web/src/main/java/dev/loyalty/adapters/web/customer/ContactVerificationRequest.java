package dev.loyalty.adapters.web.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /me/contact-verifications}: which changed contact, and the code sent to it.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param code the six digits
 */
public record ContactVerificationRequest(
        @NotNull @Pattern(regexp = "EMAIL|SMS", message = "must be EMAIL or SMS") String channel,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the six digits sent") String code) {}
