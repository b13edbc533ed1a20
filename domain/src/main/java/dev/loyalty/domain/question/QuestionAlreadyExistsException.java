package dev.loyalty.domain.question;

import dev.loyalty.domain.shared.DomainException;

/** A question with this id exists already (active or not): ids are never reused. */
public class QuestionAlreadyExistsException extends DomainException {

    /** @param id the id asked for */
    public QuestionAlreadyExistsException(QuestionId id) {
        super("a question with the id " + id + " exists already");
    }

    @Override
    public String code() {
        return "question-already-exists";
    }
}
