package dev.loyalty.adapters.web.question;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A question as the console sends it. {@code id} is required on {@code POST}, optional on
 * {@code PUT} (the path names it; a different one is refused); {@code active} absent: a new
 * question is asked, a revised one keeps its state.
 */
public record QuestionBody(
        @Size(max = 64) String id,
        @NotNull @Size(max = 500) String text,
        @NotNull @Size(max = 30) List<@NotNull @Size(max = 60) String> allowedValues,
        Boolean active) {}
