package dev.loyalty.domain.question;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;

/** An answer that is not one of the question's allowed values; names the field {@code value}. */
public class AnswerValueNotAllowedException extends InvalidValueException {

    /** The machine code. */
    public static final String CODE = "answer-value-not-allowed";

    /**
     * @param id the question
     * @param allowed what it allows
     */
    public AnswerValueNotAllowedException(QuestionId id, List<String> allowed) {
        super("value", "value must be one of " + String.join(", ", allowed) + " for the question " + id);
    }

    @Override
    public String code() {
        return CODE;
    }
}
