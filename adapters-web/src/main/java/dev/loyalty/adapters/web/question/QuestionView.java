package dev.loyalty.adapters.web.question;

import dev.loyalty.domain.question.Question;
import java.time.Instant;
import java.util.List;

/** A question as the API shows it. */
public record QuestionView(String id, String text, List<String> allowedValues, boolean active, Instant createdAt) {

    static QuestionView of(Question question) {
        return new QuestionView(
                question.id().value(),
                question.text(),
                question.allowedValues(),
                question.isActive(),
                question.createdAt());
    }
}
