package dev.loyalty.adapters.persistence.question;

import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.question.Questions;
import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionAlreadyExistsException;
import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/**
 * The questions in {@code question}: a new one is inserted only if its id is free (the primary
 * key settles a race), a change is a conditional UPDATE on the version it was read with.
 */
@ApplicationScoped
public class SqlQuestions implements Questions {

    private static final String COLUMNS = "SELECT id, text, allowed_values, active, version, created_at FROM question";

    /** How many questions a list shows at most (a programme asks a handful). */
    static final int MAX_LISTED = 1_000;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlQuestions() {}

    /** For tests outside the container. */
    public SqlQuestions(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Question question) {
        if (byId(question.id()).isPresent()) {
            throw new QuestionAlreadyExistsException(question.id());
        }
        try {
            em.createNativeQuery("INSERT INTO question (id, text, allowed_values, active, version, created_at)"
                            + " VALUES (?, ?, ?, ?, 0, ?)")
                    .setParameter(1, question.id().value())
                    .setParameter(2, question.text())
                    .setParameter(3, NativeRows.toJsonArray(question.allowedValues()))
                    .setParameter(4, question.isActive())
                    .setParameter(5, UtcTimes.utc(question.createdAt()))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                // created by a concurrent request since the check above
                throw new QuestionAlreadyExistsException(question.id());
            }
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Question> byId(QuestionId id) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE id = ?")
                .setParameter(1, id.value())
                .getResultList();
        return rows.stream().findFirst().map(SqlQuestions::question);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Question> all(boolean activeOnly) {
        List<Object[]> rows = em.createNativeQuery(
                        COLUMNS + (activeOnly ? " WHERE active" : "") + " ORDER BY id LIMIT " + MAX_LISTED)
                .getResultList();
        return rows.stream().map(SqlQuestions::question).toList();
    }

    @Override
    public void update(Question question) {
        int updated = em.createNativeQuery("UPDATE question SET text = ?, allowed_values = ?, active = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?")
                .setParameter(1, question.text())
                .setParameter(2, NativeRows.toJsonArray(question.allowedValues()))
                .setParameter(3, question.isActive())
                .setParameter(4, question.id().value())
                .setParameter(5, question.version())
                .executeUpdate();
        if (updated != 1) {
            throw new ConcurrentUpdateException("question " + question.id() + " was changed meanwhile; read it again");
        }
    }

    private static Question question(Object[] row) {
        List<String> values = NativeRows.array((String) row[2]).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        return Question.reconstitute(
                QuestionId.of((String) row[0]),
                (String) row[1],
                values,
                flag(row[3]),
                NativeRows.instant(row[5]),
                NativeRows.number(row[4]));
    }

    private static boolean flag(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }
}
