package dev.loyalty.application.question;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.question.Answer;
import dev.loyalty.domain.question.AnswerValueNotAllowedException;
import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionAlreadyExistsException;
import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.question.QuestionNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuestionServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Actor ADMIN = Actor.admin("console");
    private static final QuestionId PETS = QuestionId.of("has-pets");

    private final InMemoryQuestions questions = new InMemoryQuestions();
    private final List<Answer> saved = new ArrayList<>();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final QuestionService service =
            new QuestionService(questions, new ListAnswers(saved), customers, Clock.fixed(NOW, ZoneOffset.UTC));

    private Customer elena() {
        Customer customer = aCustomer().build();
        customers.add(customer);
        return customer;
    }

    private void definePets() {
        service.define(new QuestionDraft(PETS, "Do you have pets?", List.of("dog", "cat"), null), ADMIN);
    }

    @Test
    void onlyTheConsoleDefinesReviseOrRetiresAQuestion() {
        Actor customer = Actor.customer(CustomerId.newId());
        QuestionDraft draft = new QuestionDraft(PETS, "Pets?", List.of("yes"), null);

        assertThatThrownBy(() -> service.define(draft, customer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.define(draft, Actor.terminal("till", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        definePets();
        assertThatThrownBy(() -> service.revise(draft, customer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.deactivate(PETS, customer)).isInstanceOf(AccessDeniedException.class);
        assertThat(questions.byId(PETS).orElseThrow().text()).isEqualTo("Do you have pets?");
    }

    @Test
    void aTakenIdIsRefused() {
        definePets();

        assertThatThrownBy(definePetsAgain()).isInstanceOf(QuestionAlreadyExistsException.class);
    }

    private org.assertj.core.api.ThrowableAssert.ThrowingCallable definePetsAgain() {
        return () -> service.define(new QuestionDraft(PETS, "Again?", List.of("yes"), null), ADMIN);
    }

    @Test
    void aRetiredQuestionIsHiddenFromTheAppButNotFromTheConsole() {
        definePets();
        Actor app = Actor.customer(CustomerId.newId());

        service.deactivate(PETS, ADMIN);

        assertThat(service.questions(app)).isEmpty();
        assertThat(service.questions(ADMIN)).extracting(Question::isActive).containsExactly(false);
        assertThatThrownBy(() -> service.question(PETS, app)).isInstanceOf(QuestionNotFoundException.class);
        assertThat(service.question(PETS, ADMIN).isActive()).isFalse();
    }

    @Test
    void aRevisionKeepsTheActiveStateUnlessItSaysOtherwise() {
        definePets();
        service.deactivate(PETS, ADMIN);

        Question revised = service.revise(new QuestionDraft(PETS, "Pets?", List.of("dog"), null), ADMIN);
        Question reactivated = service.revise(new QuestionDraft(PETS, "Pets?", List.of("dog"), true), ADMIN);

        assertThat(revised.isActive()).isFalse();
        assertThat(revised.allowedValues()).containsExactly("dog");
        assertThat(reactivated.isActive()).isTrue();
    }

    @Test
    void aCustomerAnswersForItselfAndTheConsoleForAnyone() {
        definePets();
        Customer elena = elena();
        Customer marco = elena();

        Answer mine = service.answer(new AnswerCommand(elena.id(), PETS, "Dog", Actor.customer(elena.id())));
        Answer atTheDesk = service.answer(new AnswerCommand(marco.id(), PETS, "cat", ADMIN));

        assertThat(mine).isEqualTo(new Answer(elena.id(), PETS, "dog", NOW));
        assertThat(atTheDesk.value()).isEqualTo("cat");
        assertThat(saved).containsExactly(mine, atTheDesk);
        assertThatThrownBy(() -> service.answer(new AnswerCommand(marco.id(), PETS, "dog", Actor.customer(elena.id()))))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> service.answersOf(marco.id(), Actor.customer(elena.id())))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> service.answersOf(marco.id(), Actor.integration("web")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(saved).hasSize(2);
    }

    @Test
    void aWrongValueAnUnknownQuestionOrAnUnknownCustomerStoresNothing() {
        definePets();
        Customer elena = elena();
        Actor app = Actor.customer(elena.id());

        assertThatThrownBy(() -> service.answer(new AnswerCommand(elena.id(), PETS, "fish", app)))
                .isInstanceOf(AnswerValueNotAllowedException.class);
        assertThatThrownBy(() -> service.answer(new AnswerCommand(elena.id(), QuestionId.of("nope"), "dog", app)))
                .isInstanceOf(QuestionNotFoundException.class);
        assertThatThrownBy(() -> service.answer(new AnswerCommand(CustomerId.newId(), PETS, "dog", ADMIN)))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(saved).isEmpty();
    }

    /** Questions in a map, with the version check the real store makes. */
    private static final class InMemoryQuestions implements Questions {
        private final Map<QuestionId, Question> rows = new TreeMap<>(Comparator.comparing(QuestionId::value));

        @Override
        public void add(Question question) {
            if (rows.putIfAbsent(question.id(), question) != null) {
                throw new QuestionAlreadyExistsException(question.id());
            }
        }

        @Override
        public Optional<Question> byId(QuestionId id) {
            return Optional.ofNullable(rows.get(id))
                    .map(q -> Question.reconstitute(
                            q.id(), q.text(), q.allowedValues(), q.isActive(), q.createdAt(), q.version()));
        }

        @Override
        public List<Question> all(boolean activeOnly) {
            return rows.values().stream()
                    .filter(q -> !activeOnly || q.isActive())
                    .toList();
        }

        @Override
        public void update(Question question) {
            Question stored = rows.get(question.id());
            if (stored == null || stored.version() != question.version()) {
                throw new ConcurrentUpdateException();
            }
            rows.put(
                    question.id(),
                    Question.reconstitute(
                            question.id(),
                            question.text(),
                            question.allowedValues(),
                            question.isActive(),
                            question.createdAt(),
                            question.version() + 1));
        }
    }

    /** Answers appended to a list. */
    private record ListAnswers(List<Answer> saved) implements CustomerAnswers {
        @Override
        public void save(Answer answer) {
            saved.add(answer);
        }

        @Override
        public List<Answer> of(CustomerId customerId) {
            return saved.stream().filter(a -> a.customerId().equals(customerId)).toList();
        }

        @Override
        public void eraseAllOf(CustomerId customerId) {
            saved.removeIf(a -> a.customerId().equals(customerId));
        }
    }
}
