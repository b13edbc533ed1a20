package dev.loyalty.adapters.web.question;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of an answer: one of the question's allowed values. */
public record AnswerBody(@NotNull @Size(max = 200) String value) {}
