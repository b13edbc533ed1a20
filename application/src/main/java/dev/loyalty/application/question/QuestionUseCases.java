package dev.loyalty.application.question;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionId;
import java.util.List;

/**
 * Driving port: the console defines, revises and retires questions; the app reads the ones still
 * asked.
 */
public interface QuestionUseCases {

    /**
     * @throws dev.loyalty.domain.question.QuestionAlreadyExistsException when the id is taken
     * @throws dev.loyalty.domain.shared.AccessDeniedException unless the caller is an administrator
     */
    Question define(QuestionDraft draft, Actor actor);

    /**
     * Replaces the text and values (and the active flag when given).
     *
     * @throws dev.loyalty.domain.question.QuestionNotFoundException when none has this id
     */
    Question revise(QuestionDraft draft, Actor actor);

    /**
     * Stops asking a question; the answers given stay. Deactivating an inactive question changes nothing.
     *
     * @throws dev.loyalty.domain.question.QuestionNotFoundException when none has this id
     */
    void deactivate(QuestionId id, Actor actor);

    /** @return for an administrator every question, for anyone else the active ones; in id order */
    List<Question> questions(Actor actor);

    /**
     * @throws dev.loyalty.domain.question.QuestionNotFoundException when none has this id, or it is
     *     inactive and the caller is not an administrator
     */
    Question question(QuestionId id, Actor actor);
}
