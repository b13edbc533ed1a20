package dev.loyalty.domain.question;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's current answer to a question: one of the values the question allowed when it was
 * given (a later answer replaces it). Every part is required.
 *
 * @param customerId who answered
 * @param questionId the question
 * @param value the value, as the question spells it
 * @param answeredAt when
 */
public record Answer(CustomerId customerId, QuestionId questionId, String value, Instant answeredAt) {

    /** Checks every part is present. */
    public Answer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
