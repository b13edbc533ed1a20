package dev.loyalty.application.question;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A customer's answer to a question, given in the app or at the console's desk.
 *
 * @param customerId who answers, required
 * @param questionId the question, required
 * @param value the answer (checked against the question's values)
 * @param actor who asks, required
 */
public record AnswerCommand(CustomerId customerId, QuestionId questionId, String value, Actor actor) {

    /** Checks every part but the value is present. */
    public AnswerCommand {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        if (questionId == null) {
            throw new InvalidValueException("question", "the question is required");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "the caller is required");
        }
    }
}
