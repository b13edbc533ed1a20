package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A message text kept by the programme for one type of message in one language ({@code welcome} in
 * {@code it}), with an optional subject (e-mail subject, push title). Its placeholders must be ones
 * that will have a value ({@link MessageText#STANDARD_PLACEHOLDERS}): a template that could never
 * be filled is refused when saved, not found out when sent.
 *
 * @param name the type of message: 1 to 64 lower-case letters, digits and hyphens
 * @param language an ISO 639-1 code, lower-case ({@code it}, {@code en})
 * @param subject the subject, if any (at most {@value #MAX_SUBJECT} characters)
 * @param body the text
 */
public record MessageTemplate(String name, String language, Optional<String> subject, MessageText body) {

    /** The longest subject. */
    public static final int MAX_SUBJECT = 200;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** Validates and normalises the components. */
    public MessageTemplate {
        name = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException("name", "name must be 1 to 64 lower-case letters, digits and hyphens");
        }
        language = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new InvalidValueException("language", "language must be an ISO 639-1 code such as it or en");
        }
        Objects.requireNonNull(subject, "subject");
        subject = subject.map(String::strip).filter(s -> !s.isEmpty());
        if (subject.isPresent() && subject.get().length() > MAX_SUBJECT) {
            throw new InvalidValueException("subject", "subject must be at most " + MAX_SUBJECT + " characters");
        }
        Objects.requireNonNull(body, "body");
        body.requireKnown(MessageText.STANDARD_PLACEHOLDERS);
        subject.ifPresent(s -> new MessageText(s).requireKnown(MessageText.STANDARD_PLACEHOLDERS));
    }
}
