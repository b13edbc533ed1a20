package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language as a BCP 47 tag of the common shape: a language (2 or 3 letters), optionally a script
 * (4 letters) and a region (2 letters or 3 digits) - {@code it}, {@code en}, {@code it-IT},
 * {@code zh-Hant-TW}. Normalised to the usual case ({@code it-IT}, {@code zh-Hant-TW}); an
 * underscore is read as a hyphen. Anything else is refused naming the field it came in.
 *
 * @param value the normalised tag
 */
public record LanguageTag(String value) {

    /** The longest tag accepted (language, script and region). */
    public static final int MAX_LENGTH = 12;

    private static final Pattern TAG = Pattern.compile(
            "(?<language>[a-z]{2,3})(?:-(?<script>[a-z]{4}))?(?:-(?<region>[a-z]{2}|[0-9]{3}))?",
            Pattern.CASE_INSENSITIVE);

    /** Validates and normalises. */
    public LanguageTag {
        value = normalised(value, "language");
    }

    /**
     * @param raw the tag as given
     * @param field the JSON field it came in, named by a refusal
     * @return the tag
     * @throws InvalidValueException when it is not a tag of the accepted shape
     */
    public static LanguageTag of(String raw, String field) {
        return new LanguageTag(normalised(raw, field));
    }

    /** @return the language subtag alone, lower-case ({@code it} of {@code it-IT}) */
    public String primary() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    /** @return the languages to look a text up in, most specific first ({@code it-it}, {@code it}) */
    public java.util.List<String> lookupOrder() {
        String whole = value.toLowerCase(Locale.ROOT);
        return whole.equals(primary()) ? java.util.List.of(whole) : java.util.List.of(whole, primary());
    }

    private static String normalised(String raw, String field) {
        String text = Optional.ofNullable(raw).map(String::strip).orElse("").replace('_', '-');
        Matcher matcher = TAG.matcher(text);
        if (text.length() > MAX_LENGTH || !matcher.matches()) {
            throw new InvalidValueException(
                    field, field + " must be a language tag such as it, en or it-IT (language, script, region)");
        }
        StringBuilder tag = new StringBuilder(matcher.group("language").toLowerCase(Locale.ROOT));
        Optional.ofNullable(matcher.group("script")).ifPresent(script -> tag.append('-')
                .append(script.substring(0, 1).toUpperCase(Locale.ROOT))
                .append(script.substring(1).toLowerCase(Locale.ROOT)));
        Optional.ofNullable(matcher.group("region"))
                .ifPresent(region -> tag.append('-').append(region.toUpperCase(Locale.ROOT)));
        return tag.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
