package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A partial change of a customer's profile: each present value replaces the current one (a blank
 * last name, city or province clears it), an empty value leaves it alone; {@code consents} holds only the purposes
 * being decided. Values obey the enrolment rules; source and text version are required as soon as
 * a consent is decided. A {@code null} optional or map is read as "no change".
 *
 * @param firstName new first name
 * @param lastName new last name; blank clears it
 * @param email new e-mail address
 * @param phone new phone number
 * @param birthDate new birth date
 * @param preferredChannel new preferred channel
 * @param consents purposes decided now, granted ({@code true}) or withdrawn ({@code false})
 * @param source who collects the consents (e.g. {@code APP}); required when {@code consents} is not empty
 * @param textVersion the consent text shown; required when {@code consents} is not empty
 * @param city new city; blank clears it
 * @param province new province; blank clears it
 * @param gender new gender
 * @param language new language of the customer's messages
 */
public record ProfileUpdate(
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<Email> email,
        Optional<PhoneNumber> phone,
        Optional<LocalDate> birthDate,
        Optional<PreferredChannel> preferredChannel,
        Map<ConsentPurpose, Boolean> consents,
        String source,
        String textVersion,
        Optional<String> city,
        Optional<String> province,
        Optional<Gender> gender,
        Optional<LanguageTag> language) {

    /** Normalises absent values and validates the present ones. */
    public ProfileUpdate {
        firstName = orEmpty(firstName).map(CustomerRules::firstName);
        lastName = orEmpty(lastName).map(value -> {
            String name = CustomerRules.lastName(value);
            return name == null ? "" : name;
        });
        email = orEmpty(email);
        phone = orEmpty(phone);
        birthDate = orEmpty(birthDate).map(CustomerRules::birthDate);
        preferredChannel = orEmpty(preferredChannel);
        city = orEmpty(city).map(value -> orBlank(CustomerRules.place(value, "city")));
        province = orEmpty(province).map(value -> orBlank(CustomerRules.place(value, "province")));
        gender = orEmpty(gender);
        language = orEmpty(language);
        consents = copyOf(consents);
        if (!consents.isEmpty()) {
            source = ConsentEvidence.requireText(source, "consentSource", ConsentEvidence.MAX_SOURCE_LENGTH);
            textVersion = ConsentEvidence.requireText(
                    textVersion, "consentTextVersion", ConsentEvidence.MAX_TEXT_VERSION_LENGTH);
        }
    }

    /** A change without a language (see the canonical constructor for the parameters). */
    public ProfileUpdate(
            Optional<String> firstName,
            Optional<String> lastName,
            Optional<Email> email,
            Optional<PhoneNumber> phone,
            Optional<LocalDate> birthDate,
            Optional<PreferredChannel> preferredChannel,
            Map<ConsentPurpose, Boolean> consents,
            String source,
            String textVersion,
            Optional<String> city,
            Optional<String> province,
            Optional<Gender> gender) {
        this(
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                preferredChannel,
                consents,
                source,
                textVersion,
                city,
                province,
                gender,
                Optional.empty());
    }

    /** A change without profile attributes (see the canonical constructor for the parameters). */
    public ProfileUpdate(
            Optional<String> firstName,
            Optional<String> lastName,
            Optional<Email> email,
            Optional<PhoneNumber> phone,
            Optional<LocalDate> birthDate,
            Optional<PreferredChannel> preferredChannel,
            Map<ConsentPurpose, Boolean> consents,
            String source,
            String textVersion) {
        this(
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                preferredChannel,
                consents,
                source,
                textVersion,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * @param source who collects the consents
     * @param textVersion the consent text shown
     * @return an update that changes nothing yet
     */
    public static ProfileUpdate nothing(String source, String textVersion) {
        return new ProfileUpdate(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                source,
                textVersion);
    }

    /**
     * @return whether no field and no consent is mentioned
     */
    public boolean isEmpty() {
        return firstName.isEmpty()
                && lastName.isEmpty()
                && email.isEmpty()
                && phone.isEmpty()
                && birthDate.isEmpty()
                && preferredChannel.isEmpty()
                && city.isEmpty()
                && province.isEmpty()
                && gender.isEmpty()
                && language.isEmpty()
                && consents.isEmpty();
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    private static Map<ConsentPurpose, Boolean> copyOf(Map<ConsentPurpose, Boolean> consents) {
        Map<ConsentPurpose, Boolean> copy = new EnumMap<>(ConsentPurpose.class);
        if (consents != null) {
            consents.forEach((purpose, granted) -> {
                if (purpose == null || granted == null) {
                    throw new InvalidValueException("consents", "consents must name a purpose and a decision");
                }
                copy.put(purpose, granted);
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
