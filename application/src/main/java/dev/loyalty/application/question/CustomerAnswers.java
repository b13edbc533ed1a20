package dev.loyalty.application.question;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.question.Answer;
import java.util.List;

/** Driven port: the members' current answers, one per customer and question. */
public interface CustomerAnswers {

    /**
     * Records an answer, replacing the customer's previous answer to the same question.
     *
     * @param answer the answer
     */
    void save(Answer answer);

    /**
     * @param customerId a customer
     * @return the customer's answers in question id order (to active and inactive questions)
     */
    List<Answer> of(CustomerId customerId);

    /**
     * Forgets every answer of a customer (erasure).
     *
     * @param customerId the customer
     */
    void eraseAllOf(CustomerId customerId);
}
