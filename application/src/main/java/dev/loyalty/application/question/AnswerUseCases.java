package dev.loyalty.application.question;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.question.Answer;
import java.util.List;

/**
 * Driving port: a customer answers a question (in the app, or an administrator for them at the
 * desk) and reads their answers.
 */
public interface AnswerUseCases {

    /**
     * @return the answer recorded (replacing any earlier one to the question)
     * @throws dev.loyalty.domain.question.QuestionNotFoundException when the question does not
     *     exist or is no longer asked
     * @throws dev.loyalty.domain.question.AnswerValueNotAllowedException when the value is not one
     *     of the question's
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when the customer does not
     *     exist or is not the caller
     */
    Answer answer(AnswerCommand command);

    /**
     * @return the customer's answers in question id order
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when the customer does not
     *     exist or is not the caller
     */
    List<Answer> answersOf(CustomerId customerId, Actor actor);
}
