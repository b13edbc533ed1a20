package dev.loyalty.domain.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CustomerId ELENA = CustomerId.newId();

    private static Question pets() {
        return Question.create(QuestionId.of("has-pets"), " Do you have pets? ", List.of("yes", " no "), NOW);
    }

    @Test
    void aNewQuestionIsActiveWithItsTextAndValuesTrimmed() {
        Question question = pets();

        assertThat(question.isActive()).isTrue();
        assertThat(question.text()).isEqualTo("Do you have pets?");
        assertThat(question.allowedValues()).containsExactly("yes", "no");
        assertThat(question.version()).isZero();
    }

    @Test
    void anIdIsASlug() {
        assertThat(QuestionId.of("household-size").value()).isEqualTo("household-size");
        for (String bad :
                List.of("", "Has-Pets", "has pets", "-pets", "pets-", "has--pets", "x".repeat(65), "pets/1")) {
            assertThatThrownBy(() -> QuestionId.of(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("id"));
        }
        assertThat(QuestionId.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void theTextAndTheValuesObeyTheirLimits() {
        QuestionId id = QuestionId.of("q");
        assertField(() -> Question.create(id, " ", List.of("a"), NOW), "text");
        assertField(() -> Question.create(id, "t".repeat(501), List.of("a"), NOW), "text");
        assertField(() -> Question.create(id, "a\u0007b", List.of("a"), NOW), "text");
        assertField(() -> Question.create(id, "t", List.of(), NOW), "allowedValues");
        assertField(() -> Question.create(id, "t", null, NOW), "allowedValues");
        assertField(() -> Question.create(id, "t", List.of("yes", "YES"), NOW), "allowedValues");
        assertField(() -> Question.create(id, "t", List.of("yes", " "), NOW), "allowedValues");
        assertField(() -> Question.create(id, "t", List.of("v".repeat(61)), NOW), "allowedValues");
        assertField(() -> Question.create(id, "t", Collections.nCopies(31, "v"), NOW), "allowedValues");
        List<String> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.add("v" + i);
        }
        assertThat(Question.create(id, "t".repeat(500), thirty, NOW).allowedValues())
                .hasSize(30);
    }

    @Test
    void anAnswerTakesTheValueAsTheQuestionSpellsIt() {
        Answer answer = pets().answer(ELENA, " YES ", NOW);

        assertThat(answer).isEqualTo(new Answer(ELENA, QuestionId.of("has-pets"), "yes", NOW));
    }

    @Test
    void aValueNotAllowedIsRefusedNamingTheField() {
        assertThatThrownBy(() -> pets().answer(ELENA, "maybe", NOW))
                .isInstanceOfSatisfying(AnswerValueNotAllowedException.class, e -> {
                    assertThat(e.code()).isEqualTo("answer-value-not-allowed");
                    assertThat(e.field()).isEqualTo("value");
                    assertThat(e.getMessage()).contains("yes, no");
                });
        assertField(() -> pets().answer(ELENA, null, NOW), "value");
    }

    @Test
    void anInactiveQuestionIsNotAnswered() {
        Question question = pets();
        question.deactivate();

        assertThat(question.isActive()).isFalse();
        assertThatThrownBy(() -> question.answer(ELENA, "yes", NOW))
                .isInstanceOfSatisfying(QuestionNotFoundException.class, e -> assertThat(e.code())
                        .isEqualTo("question-not-found"));
    }

    @Test
    void aRevisionIsAllOrNothing() {
        Question question = pets();

        assertField(() -> question.revise("New text", List.of("a", "A"), false), "allowedValues");
        assertThat(question.text()).isEqualTo("Do you have pets?");
        assertThat(question.isActive()).isTrue();

        question.revise("Any pets at home?", List.of("dog", "cat", "none"), false);
        assertThat(question.text()).isEqualTo("Any pets at home?");
        assertThat(question.allowedValues()).containsExactly("dog", "cat", "none");
        assertThat(question.isActive()).isFalse();
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }
}
