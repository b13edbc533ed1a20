package dev.loyalty.domain.question;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A question the programme asks its members, with the values an answer may take. Always valid: a
 * text of 1-500 characters, 1-30 allowed values of 1-60 characters each, distinct ignoring case,
 * none with control characters (all trimmed). An inactive question is no longer asked nor
 * answered; the answers already given stay. Created by {@link #create}, rebuilt by
 * {@link #reconstitute}; the version is the optimistic-lock version the repository keeps.
 */
public final class Question {

    /** The longest text. */
    public static final int MAX_TEXT_LENGTH = 500;

    /** The most values a question allows. */
    public static final int MAX_VALUES = 30;

    /** The longest allowed value. */
    public static final int MAX_VALUE_LENGTH = 60;

    private final QuestionId id;
    private String text;
    private List<String> allowedValues;
    private boolean active;
    private final Instant createdAt;
    private final long version;

    private Question(
            QuestionId id, String text, List<String> allowedValues, boolean active, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.text = text(text);
        this.allowedValues = allowedValues(allowedValues);
        this.active = active;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (version < 0) {
            throw new InvalidValueException("version", "version must not be negative");
        }
        this.version = version;
    }

    /**
     * @param id a new id
     * @param text what is asked
     * @param allowedValues the values an answer may take, in the order the app shows them
     * @param now when
     * @return an active question (version 0)
     */
    public static Question create(QuestionId id, String text, List<String> allowedValues, Instant now) {
        return new Question(id, text, allowedValues, true, now, 0);
    }

    /**
     * Rebuilds a stored question with the same invariants.
     *
     * @param id id
     * @param text text
     * @param allowedValues allowed values
     * @param active whether it is still asked
     * @param createdAt when it was created
     * @param version optimistic-lock version
     * @return the question
     */
    public static Question reconstitute(
            QuestionId id, String text, List<String> allowedValues, boolean active, Instant createdAt, long version) {
        return new Question(id, text, allowedValues, active, createdAt, version);
    }

    /**
     * Replaces the text and the allowed values (answers given with a value no longer allowed stay
     * as they were given); all valid or nothing changes.
     *
     * @param newText the text
     * @param newValues the allowed values
     * @param newActive whether it is asked from now on
     */
    public void revise(String newText, List<String> newValues, boolean newActive) {
        String checkedText = text(newText);
        List<String> checkedValues = allowedValues(newValues);
        text = checkedText;
        allowedValues = checkedValues;
        active = newActive;
    }

    /** Stops asking the question; the answers given stay. */
    public void deactivate() {
        active = false;
    }

    /**
     * Records a member's answer.
     *
     * @param customerId who answers
     * @param value what they answer: one of the allowed values, ignoring case and surrounding blanks
     * @param now when
     * @return the answer, with the value as the question spells it
     * @throws QuestionNotFoundException when the question is no longer asked
     * @throws AnswerValueNotAllowedException when the value is not one of the allowed ones
     */
    public Answer answer(CustomerId customerId, String value, Instant now) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(now, "now");
        if (!active) {
            throw new QuestionNotFoundException(id.value());
        }
        if (value == null) {
            throw new InvalidValueException("value", "value is required");
        }
        String wanted = value.strip();
        return allowedValues.stream()
                .filter(allowed -> allowed.equalsIgnoreCase(wanted))
                .findFirst()
                .map(allowed -> new Answer(customerId, id, allowed, now))
                .orElseThrow(() -> new AnswerValueNotAllowedException(id, allowedValues));
    }

    private static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("text", "text must not be blank");
        }
        String text = raw.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException("text", "text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidValueException("text", "text must not contain control characters");
        }
        return text;
    }

    private static List<String> allowedValues(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("allowedValues", "allowedValues must name at least one value");
        }
        if (raw.size() > MAX_VALUES) {
            throw new InvalidValueException("allowedValues", "allowedValues must be at most " + MAX_VALUES + " values");
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException("allowedValues", "allowedValues must not contain a blank value");
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_VALUE_LENGTH) {
                throw new InvalidValueException(
                        "allowedValues", "each allowed value must be at most " + MAX_VALUE_LENGTH + " characters");
            }
            if (stripped.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidValueException("allowedValues", "allowedValues must not contain control characters");
            }
            if (!seen.add(stripped.toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException("allowedValues", "allowedValues must be distinct (ignoring case)");
            }
            values.add(stripped);
        }
        return List.copyOf(values);
    }

    /** @return the id */
    public QuestionId id() {
        return id;
    }

    /** @return what is asked */
    public String text() {
        return text;
    }

    /** @return the values an answer may take, in order, unmodifiable */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** @return whether it is still asked */
    public boolean isActive() {
        return active;
    }

    /** @return when it was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the optimistic-lock version (0 when never stored) */
    public long version() {
        return version;
    }

    /** Two questions are the same when they have the same id. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Question that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Question[id=" + id + ", version=" + version + "]";
    }
}
