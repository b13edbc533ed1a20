package dev.loyalty.adapters.web.question;

import dev.loyalty.domain.question.Answer;
import java.time.Instant;

/** A customer's current answer to a question, as the API shows it (and the GDPR export carries it). */
public record AnswerView(String question, String value, Instant answeredAt) {

    /**
     * @param answer an answer
     * @return its view
     */
    public static AnswerView of(Answer answer) {
        return new AnswerView(answer.questionId().value(), answer.value(), answer.answeredAt());
    }
}
