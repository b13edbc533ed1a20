package dev.loyalty.adapters.persistence.question;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.question.CustomerAnswers;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.question.Answer;
import dev.loyalty.domain.question.QuestionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The answers in {@code customer_answer}, one row per customer and question (an answer upserts it). */
@ApplicationScoped
public class SqlCustomerAnswers implements CustomerAnswers {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCustomerAnswers() {}

    /** For tests outside the container. */
    public SqlCustomerAnswers(EntityManager em) {
        this.em = em;
    }

    @Override
    public void save(Answer answer) {
        em.createNativeQuery("INSERT INTO customer_answer (customer_id, question_id, value, answered_at)"
                        + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value),"
                        + " answered_at = VALUES(answered_at)")
                .setParameter(1, answer.customerId().toString())
                .setParameter(2, answer.questionId().value())
                .setParameter(3, answer.value())
                .setParameter(4, UtcTimes.utc(answer.answeredAt()))
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Answer> of(CustomerId customerId) {
        List<Object[]> rows = em.createNativeQuery("SELECT question_id, value, answered_at FROM customer_answer"
                        + " WHERE customer_id = ? ORDER BY question_id")
                .setParameter(1, customerId.toString())
                .getResultList();
        return rows.stream()
                .map(row -> new Answer(
                        customerId, QuestionId.of((String) row[0]), (String) row[1], NativeRows.instant(row[2])))
                .toList();
    }

    @Override
    public void eraseAllOf(CustomerId customerId) {
        em.createNativeQuery("DELETE FROM customer_answer WHERE customer_id = ?")
                .setParameter(1, customerId.toString())
                .executeUpdate();
    }
}
