package dev.loyalty.application.question;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.question.Answer;
import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.question.QuestionNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Questions and answers. Only an administrator defines, revises or retires a question and sees
 * the retired ones; a customer answers and reads only for itself, an administrator for anyone
 * (the desk); terminals and integrations neither answer nor read answers.
 */
@ApplicationScoped
public class QuestionService implements QuestionUseCases, AnswerUseCases {

    private static final String CONSOLE_ONLY = "only the console keeps the questions";

    private final Questions questions;
    private final CustomerAnswers answers;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected QuestionService() {
        this(null, null, null, null);
    }

    /**
     * @param questions the questions
     * @param answers the answers
     * @param customers the customers (an answer needs one)
     * @param clock the time source
     */
    @Inject
    public QuestionService(Questions questions, CustomerAnswers answers, Customers customers, Clock clock) {
        this.questions = questions;
        this.answers = answers;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Question define(QuestionDraft draft, Actor actor) {
        Objects.requireNonNull(draft, "draft");
        actor.requireAdmin(CONSOLE_ONLY);
        Question question = Question.create(draft.id(), draft.text(), draft.allowedValues(), clock.instant());
        if (Boolean.FALSE.equals(draft.active())) {
            question.deactivate();
        }
        questions.add(question);
        return question;
    }

    @Override
    @Transactional
    public Question revise(QuestionDraft draft, Actor actor) {
        Objects.requireNonNull(draft, "draft");
        actor.requireAdmin(CONSOLE_ONLY);
        Question question = existing(draft.id());
        question.revise(
                draft.text(), draft.allowedValues(), draft.active() == null ? question.isActive() : draft.active());
        questions.update(question);
        return existing(draft.id());
    }

    @Override
    @Transactional
    public void deactivate(QuestionId id, Actor actor) {
        actor.requireAdmin(CONSOLE_ONLY);
        Question question = existing(id);
        if (question.isActive()) {
            question.deactivate();
            questions.update(question);
        }
    }

    @Override
    public List<Question> questions(Actor actor) {
        return questions.all(actor.role() != Role.ADMIN);
    }

    @Override
    public Question question(QuestionId id, Actor actor) {
        Question question = existing(id);
        if (!question.isActive() && actor.role() != Role.ADMIN) {
            throw new QuestionNotFoundException(id.value());
        }
        return question;
    }

    @Override
    @Transactional
    public Answer answer(AnswerCommand command) {
        Objects.requireNonNull(command, "command");
        mayAnswerFor(command.customerId(), command.actor());
        Question question = questions
                .byId(command.questionId())
                .orElseThrow(
                        () -> new QuestionNotFoundException(command.questionId().value()));
        Answer answer = question.answer(command.customerId(), command.value(), clock.instant());
        answers.save(answer);
        return answer;
    }

    @Override
    public List<Answer> answersOf(CustomerId customerId, Actor actor) {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        mayAnswerFor(customerId, actor);
        return answers.of(customerId);
    }

    private void mayAnswerFor(CustomerId customerId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.role() != Role.ADMIN && actor.role() != Role.CUSTOMER) {
            throw new AccessDeniedException("only the customer, or the console for them, answers questions");
        }
        if (!actor.maySee(customerId) || !customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    private Question existing(QuestionId id) {
        Objects.requireNonNull(id, "id");
        return questions.byId(id).orElseThrow(() -> new QuestionNotFoundException(id.value()));
    }
}
