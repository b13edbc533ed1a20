package dev.loyalty.application.question;

import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionId;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the programme's questions. Updates use optimistic locking on
 * {@link Question#version()}.
 */
public interface Questions {

    /**
     * @param question a new question (version 0)
     * @throws dev.loyalty.domain.question.QuestionAlreadyExistsException when its id is taken
     */
    void add(Question question);

    /**
     * @param id an id
     * @return the question, active or not
     */
    Optional<Question> byId(QuestionId id);

    /**
     * @param activeOnly whether to leave out the questions no longer asked
     * @return the questions in id order
     */
    List<Question> all(boolean activeOnly);

    /**
     * Stores a change; the stored version must still be {@code question.version()}.
     *
     * @param question the changed question
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when someone changed it meanwhile
     */
    void update(Question question);
}
