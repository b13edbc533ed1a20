package dev.loyalty.domain.question;

import dev.loyalty.domain.shared.DomainException;

/** No question with this id, or (for an answer or a customer's read) none that is active. */
public class QuestionNotFoundException extends DomainException {

    /** When what was asked for cannot even be a question id. */
    public QuestionNotFoundException() {
        super("no such question");
    }

    /** @param id the question asked for (a slug the console chose: no personal data) */
    public QuestionNotFoundException(String id) {
        super("no active question has the id " + id);
    }

    @Override
    public String code() {
        return "question-not-found";
    }
}
