package dev.loyalty.application.question;

import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;

/**
 * What the console sends to define or revise a question; the text and values are checked by the
 * question itself.
 *
 * @param id the question's id, required
 * @param text what is asked
 * @param allowedValues the values an answer may take
 * @param active whether it is asked ({@code null}: a new question is, a revised one stays as it was)
 */
public record QuestionDraft(QuestionId id, String text, List<String> allowedValues, Boolean active) {

    /** Checks the id is present. */
    public QuestionDraft {
        if (id == null) {
            throw new InvalidValueException("id", "id is required");
        }
        allowedValues = allowedValues == null
                ? null
                : List.copyOf(allowedValues.stream()
                        .map(value -> value == null ? "" : value)
                        .toList());
    }
}
