package dev.loyalty.adapters.web.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A message the console sends to one customer: the channel (SMS, EMAIL, PUSH, PRINT_AT_TILL,
 * STAFF_CALL; none for the customer's preferred one with fallback), the text with placeholders and
 * their values, whether it is transactional (default: marketing) and its priority (default 0).
 */
public record SendMessageRequest(
        String channel,
        @NotBlank @Size(max = 4000) String template,
        Map<String, String> values,
        Boolean transactional,
        @Min(-1000) @Max(1000) Integer priority) {}
