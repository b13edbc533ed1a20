package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;

/**
 * One recorded consent decision, kept as evidence: which purpose, granted or withdrawn, when,
 * through which source (e.g. {@code STORE:S001}, {@code APP}, {@code WEB}, {@code ADMIN},
 * {@code INTEGRATION:<subject>}) and against which version of the consent text. Never changed
 * once recorded; a new decision is a new record.
 *
 * @param purpose the purpose decided on
 * @param granted {@code true} when granted, {@code false} when refused or withdrawn
 * @param recordedAt when the decision was recorded
 * @param source who collected it: non-blank, at most {@value #MAX_SOURCE_LENGTH} characters
 * @param textVersion the consent text shown: non-blank, at most {@value #MAX_TEXT_VERSION_LENGTH} characters
 */
public record ConsentEvidence(
        ConsentPurpose purpose, boolean granted, Instant recordedAt, String source, String textVersion) {

    /** Longest accepted source. */
    public static final int MAX_SOURCE_LENGTH = 100;
    /** Longest accepted consent text version. */
    public static final int MAX_TEXT_VERSION_LENGTH = 40;

    /** Validates every component. */
    public ConsentEvidence {
        if (purpose == null) {
            throw new InvalidValueException("purpose", "consent purpose is required");
        }
        if (recordedAt == null) {
            throw new InvalidValueException("recordedAt", "consent recordedAt is required");
        }
        source = requireText(source, "consentSource", MAX_SOURCE_LENGTH);
        textVersion = requireText(textVersion, "consentTextVersion", MAX_TEXT_VERSION_LENGTH);
    }

    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
