package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a message with {@code {placeholder}} names (letters and digits, starting with a
 * letter): at most {@value #MAX_LENGTH} characters, not blank. Rendering replaces every
 * placeholder with its value; a placeholder without a value is an error, so that a customer never
 * reads a literal {@code {couponCode}}. {@link #requireKnown} checks the names when a template is
 * saved.
 *
 * @param value the text as written
 */
public record MessageText(String value) {

    /** The longest text accepted. */
    public static final int MAX_LENGTH = 4000;

    /** The placeholders every message may use: the messaging side or the caller fills them. */
    public static final Set<String> STANDARD_PLACEHOLDERS =
            Set.of("firstName", "couponCode", "couponValidUntil", "storeName", "appLink");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** Validates the text. */
    public MessageText {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("template", "template must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("template", "template must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** @return the placeholder names the text uses, in order of first use */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Checks that every placeholder is one that will have a value.
     *
     * @param known the names that will be filled
     * @return this
     * @throws InvalidValueException (field {@code template}) naming the unknown placeholders
     */
    public MessageText requireKnown(Set<String> known) {
        Set<String> unknown = new LinkedHashSet<>(placeholders());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidValueException(
                    "template", "template uses placeholders that will have no value: " + String.join(", ", unknown));
        }
        return this;
    }

    /**
     * @param values a value for each placeholder used
     * @return the text with every placeholder replaced
     * @throws MissingPlaceholderException when a placeholder has no value
     */
    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = values.get(matcher.group(1));
            if (replacement == null) {
                throw new MissingPlaceholderException(matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
