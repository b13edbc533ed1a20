package dev.loyalty.domain.customer;

import java.util.Optional;

/**
 * The optional facts a member tells about themselves that marketing may target: city, province
 * and gender; and the language messages are written to them in. City and province are trimmed, at most 100 characters, without control characters;
 * blank means unknown ({@code null}). Each failure names the JSON field.
 *
 * @param city the city, or {@code null}
 * @param province the province (or region), or {@code null}
 * @param gender the gender, or {@code null}
 * @param language the language of their messages, or {@code null} (the programme's)
 */
public record ProfileAttributes(String city, String province, Gender gender, LanguageTag language) {

    /** Nothing known. */
    public static final ProfileAttributes NONE = new ProfileAttributes(null, null, null, null);

    /** Attributes without a language (see the canonical constructor). */
    public ProfileAttributes(String city, String province, Gender gender) {
        this(city, province, gender, null);
    }

    /** Normalises and validates the places. */
    public ProfileAttributes {
        city = CustomerRules.place(city, "city");
        province = CustomerRules.place(province, "province");
    }

    /** @return the city, if known */
    public Optional<String> knownCity() {
        return Optional.ofNullable(city);
    }

    /** @return the province, if known */
    public Optional<String> knownProvince() {
        return Optional.ofNullable(province);
    }

    /** @return the language of their messages, if told */
    public Optional<LanguageTag> knownLanguage() {
        return Optional.ofNullable(language);
    }

    /** @return the gender, if told */
    public Optional<Gender> knownGender() {
        return Optional.ofNullable(gender);
    }
}
