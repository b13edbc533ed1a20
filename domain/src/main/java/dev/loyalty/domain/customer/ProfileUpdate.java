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
 * a consent is decided. A {@code null} optional or map is read as "no change". Built by name with
 * {@link #builder()} (or {@link #nothing}, {@link #withdrawal}), not by position.
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

    /**
     * @return a builder of a change that changes nothing yet; consents need {@link
     *     Builder#consentEvidence(String, String)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param source who collects the consents
     * @param textVersion the consent text shown
     * @return an update that changes nothing yet
     */
    public static ProfileUpdate nothing(String source, String textVersion) {
        return builder().consentEvidence(source, textVersion).build();
    }

    /**
     * @param purpose the purpose withdrawn
     * @param source who collects the withdrawal (e.g. an unsubscribe link)
     * @param textVersion the consent text in force
     * @return a change that only withdraws the consent to {@code purpose}
     */
    public static ProfileUpdate withdrawal(ConsentPurpose purpose, String source, String textVersion) {
        return builder()
                .consent(purpose, false)
                .consentEvidence(source, textVersion)
                .build();
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

    /**
     * Builds a {@link ProfileUpdate} by naming each field changed: a field not named, or named with
     * {@code null}, is left alone; {@link #build()} validates as the record does. Not thread-safe.
     */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private Email email;
        private PhoneNumber phone;
        private LocalDate birthDate;
        private PreferredChannel preferredChannel;
        private final Map<ConsentPurpose, Boolean> consents = new EnumMap<>(ConsentPurpose.class);
        private String source;
        private String textVersion;
        private String city;
        private String province;
        private Gender gender;
        private LanguageTag language;

        private Builder() {}

        /** @param value new first name, or {@code null} @return this */
        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        /** @param value new last name (blank clears it), or {@code null} @return this */
        public Builder lastName(String value) {
            this.lastName = value;
            return this;
        }

        /** @param value new e-mail address, or {@code null} @return this */
        public Builder email(Email value) {
            this.email = value;
            return this;
        }

        /** @param value new phone number, or {@code null} @return this */
        public Builder phone(PhoneNumber value) {
            this.phone = value;
            return this;
        }

        /** @param value new birth date, or {@code null} @return this */
        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        /** @param value new preferred channel, or {@code null} @return this */
        public Builder preferredChannel(PreferredChannel value) {
            this.preferredChannel = value;
            return this;
        }

        /**
         * @param purpose a purpose decided now
         * @param granted granted ({@code true}) or withdrawn ({@code false})
         * @return this
         */
        public Builder consent(ConsentPurpose purpose, Boolean granted) {
            if (purpose == null || granted == null) {
                throw new InvalidValueException("consents", "consents must name a purpose and a decision");
            }
            consents.put(purpose, granted);
            return this;
        }

        /** @param decided purposes decided now, or {@code null} for none @return this */
        public Builder consents(Map<ConsentPurpose, Boolean> decided) {
            if (decided != null) {
                decided.forEach(this::consent);
            }
            return this;
        }

        /**
         * @param source who collects the consents (e.g. {@code APP})
         * @param textVersion the consent text shown
         * @return this
         */
        public Builder consentEvidence(String source, String textVersion) {
            this.source = source;
            this.textVersion = textVersion;
            return this;
        }

        /** @param value new city (blank clears it), or {@code null} @return this */
        public Builder city(String value) {
            this.city = value;
            return this;
        }

        /** @param value new province (blank clears it), or {@code null} @return this */
        public Builder province(String value) {
            this.province = value;
            return this;
        }

        /** @param value new gender, or {@code null} @return this */
        public Builder gender(Gender value) {
            this.gender = value;
            return this;
        }

        /** @param value new language of the customer's messages, or {@code null} @return this */
        public Builder language(LanguageTag value) {
            this.language = value;
            return this;
        }

        /** @return the change, validated */
        public ProfileUpdate build() {
            return new ProfileUpdate(
                    Optional.ofNullable(firstName),
                    Optional.ofNullable(lastName),
                    Optional.ofNullable(email),
                    Optional.ofNullable(phone),
                    Optional.ofNullable(birthDate),
                    Optional.ofNullable(preferredChannel),
                    consents,
                    source,
                    textVersion,
                    Optional.ofNullable(city),
                    Optional.ofNullable(province),
                    Optional.ofNullable(gender),
                    Optional.ofNullable(language));
        }
    }
}
