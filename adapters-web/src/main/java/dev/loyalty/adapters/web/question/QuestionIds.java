package dev.loyalty.adapters.web.question;

import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.question.QuestionNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;

/** Reads a question id from a path: what cannot be an id names no question (404, not 422). */
final class QuestionIds {

    private QuestionIds() {}

    static QuestionId fromPath(String raw) {
        try {
            return QuestionId.of(raw);
        } catch (InvalidValueException notAnId) {
            throw new QuestionNotFoundException();
        }
    }
}
