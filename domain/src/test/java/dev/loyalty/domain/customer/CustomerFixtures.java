package dev.loyalty.domain.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data builders for customers, shared with the other modules through the test-jar:
 * {@code aCustomer().withEmail("x@y.it").withConsent(MARKETING_SMS).enrolledAt(STORE, "S001").build()}.
 * Defaults: Marco Rossi, enrolled in the APP at {@link #ENROLLED_AT}, a unique e-mail address,
 * no phone, no preferred channel, no consent. Unique values are random so that tests sharing a
 * database do not collide.
 */
public final class CustomerFixtures {

    /** The default enrolment instant (whole seconds, so it survives any database precision). */
    public static final Instant ENROLLED_AT = Instant.parse("2025-01-15T09:30:00Z");
    /** The default consent text version. */
    public static final String CONSENT_TEXT_VERSION = "consent-v1";

    private CustomerFixtures() {}

    /**
     * @return a builder of an enrolled customer (version 0)
     */
    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    /**
     * @return a builder of valid enrolment details
     */
    public static EnrolmentDetailsBuilder anEnrolment() {
        return new EnrolmentDetailsBuilder();
    }

    /**
     * @return a builder of a profile update that changes nothing until told, source {@code APP}
     */
    public static ProfileUpdateBuilder aProfileUpdate() {
        return new ProfileUpdateBuilder();
    }

    /**
     * @return an e-mail address no other call returns
     */
    public static String uniqueEmail() {
        return "marco." + UUID.randomUUID().toString().substring(0, 13).replace("-", "") + "@example.com";
    }

    /**
     * @return an Italian mobile number, random enough not to collide in a test run
     */
    public static String uniquePhone() {
        return "+393" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /**
     * @return a card number from a random serial
     */
    public static CardNumber aCardNumber() {
        return CardNumber.fromSerial(
                ThreadLocalRandom.current().nextLong(CardNumber.MIN_SERIAL, CardNumber.MAX_SERIAL + 1));
    }

    /** Builds {@link EnrolmentDetails}; every setter returns the builder. */
    public static final class EnrolmentDetailsBuilder {
        private String firstName = "Marco";
        private String lastName = "Rossi";
        private String email = uniqueEmail();
        private String phone;
        private LocalDate birthDate = LocalDate.of(1985, 4, 12);
        private PreferredChannel preferredChannel = PreferredChannel.NONE;
        private final Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
        private EnrolmentChannel enrolmentChannel = EnrolmentChannel.APP;
        private String storeId;
        private String referralCode;
        private String consentSource;
        private String consentTextVersion = CONSENT_TEXT_VERSION;

        private EnrolmentDetailsBuilder() {}

        /** @param value first name @return this */
        public EnrolmentDetailsBuilder withFirstName(String value) {
            this.firstName = value;
            return this;
        }

        /** @param value last name or null @return this */
        public EnrolmentDetailsBuilder withLastName(String value) {
            this.lastName = value;
            return this;
        }

        /** @param value e-mail address @return this */
        public EnrolmentDetailsBuilder withEmail(String value) {
            this.email = value;
            return this;
        }

        /** @return this, without e-mail address */
        public EnrolmentDetailsBuilder withoutEmail() {
            this.email = null;
            return this;
        }

        /** @param value E.164 phone @return this */
        public EnrolmentDetailsBuilder withPhone(String value) {
            this.phone = value;
            return this;
        }

        /** @return this, with a unique phone number */
        public EnrolmentDetailsBuilder withAPhone() {
            return withPhone(uniquePhone());
        }

        /** @param value birth date or null @return this */
        public EnrolmentDetailsBuilder withBirthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        /** @param value preferred channel @return this */
        public EnrolmentDetailsBuilder withPreferredChannel(PreferredChannel value) {
            this.preferredChannel = value;
            return this;
        }

        /** @param purposes purposes granted (added to those already granted) @return this */
        public EnrolmentDetailsBuilder withConsent(ConsentPurpose... purposes) {
            granted.addAll(Set.of(purposes));
            return this;
        }

        /** @return this, with every purpose granted */
        public EnrolmentDetailsBuilder withAllConsents() {
            granted.addAll(EnumSet.allOf(ConsentPurpose.class));
            return this;
        }

        /**
         * @param channel where the enrolment happens
         * @param store the store, or null
         * @return this
         */
        public EnrolmentDetailsBuilder enrolledAt(EnrolmentChannel channel, String store) {
            this.enrolmentChannel = channel;
            this.storeId = store;
            return this;
        }

        /** @param channel where the enrolment happens, without a store @return this */
        public EnrolmentDetailsBuilder enrolledAt(EnrolmentChannel channel) {
            return enrolledAt(channel, null);
        }

        /** @param value store id or null @return this */
        public EnrolmentDetailsBuilder withStoreId(String value) {
            this.storeId = value;
            return this;
        }

        /** @param value referral code or null @return this */
        public EnrolmentDetailsBuilder withReferralCode(String value) {
            this.referralCode = value;
            return this;
        }

        /** @param value consent source; by default derived from the channel @return this */
        public EnrolmentDetailsBuilder withConsentSource(String value) {
            this.consentSource = value;
            return this;
        }

        /** @param value consent text version @return this */
        public EnrolmentDetailsBuilder withConsentTextVersion(String value) {
            this.consentTextVersion = value;
            return this;
        }

        /** @return the details (validated by their constructor) */
        public EnrolmentDetails build() {
            return new EnrolmentDetails(
                    firstName,
                    lastName,
                    email == null ? null : Email.of(email),
                    phone == null ? null : PhoneNumber.of(phone),
                    birthDate,
                    preferredChannel,
                    ConsentChoices.granting(granted.toArray(ConsentPurpose[]::new)),
                    enrolmentChannel,
                    storeId,
                    referralCode,
                    consentSource != null ? consentSource : defaultSource(),
                    consentTextVersion);
        }

        private String defaultSource() {
            if (enrolmentChannel == EnrolmentChannel.STORE && storeId != null) {
                return "STORE:" + storeId;
            }
            return enrolmentChannel == null ? "APP" : enrolmentChannel.name();
        }
    }

    /** Builds an enrolled {@link Customer}; every setter returns the builder. */
    public static final class CustomerBuilder {
        private CustomerId id = CustomerId.newId();
        private CardNumber cardNumber = aCardNumber();
        private Instant enrolledAt = ENROLLED_AT;
        private final EnrolmentDetailsBuilder details = anEnrolment();

        private CustomerBuilder() {}

        /** @param value identity @return this */
        public CustomerBuilder withId(CustomerId value) {
            this.id = value;
            return this;
        }

        /** @param value card number @return this */
        public CustomerBuilder withCardNumber(CardNumber value) {
            this.cardNumber = value;
            return this;
        }

        /** @param value first name @return this */
        public CustomerBuilder withFirstName(String value) {
            details.withFirstName(value);
            return this;
        }

        /** @param value last name or null @return this */
        public CustomerBuilder withLastName(String value) {
            details.withLastName(value);
            return this;
        }

        /** @param value e-mail address @return this */
        public CustomerBuilder withEmail(String value) {
            details.withEmail(value);
            return this;
        }

        /** @return this, without e-mail address */
        public CustomerBuilder withoutEmail() {
            details.withoutEmail();
            return this;
        }

        /** @param value E.164 phone @return this */
        public CustomerBuilder withPhone(String value) {
            details.withPhone(value);
            return this;
        }

        /** @return this, with a unique phone number */
        public CustomerBuilder withAPhone() {
            details.withAPhone();
            return this;
        }

        /** @param value birth date or null @return this */
        public CustomerBuilder withBirthDate(LocalDate value) {
            details.withBirthDate(value);
            return this;
        }

        /** @param value preferred channel @return this */
        public CustomerBuilder withPreferredChannel(PreferredChannel value) {
            details.withPreferredChannel(value);
            return this;
        }

        /** @param purposes purposes granted at enrolment @return this */
        public CustomerBuilder withConsent(ConsentPurpose... purposes) {
            details.withConsent(purposes);
            return this;
        }

        /** @return this, with every purpose granted */
        public CustomerBuilder withAllConsents() {
            details.withAllConsents();
            return this;
        }

        /**
         * @param channel where the member enrolled
         * @param store the store, or null
         * @return this
         */
        public CustomerBuilder enrolledAt(EnrolmentChannel channel, String store) {
            details.enrolledAt(channel, store);
            return this;
        }

        /** @param channel where the member enrolled, without a store @return this */
        public CustomerBuilder enrolledAt(EnrolmentChannel channel) {
            details.enrolledAt(channel);
            return this;
        }

        /** @param instant when the member enrolled @return this */
        public CustomerBuilder enrolledOn(Instant instant) {
            this.enrolledAt = instant;
            return this;
        }

        /** @param value referral code @return this */
        public CustomerBuilder withReferralCode(String value) {
            details.withReferralCode(value);
            return this;
        }

        /** @param value consent source @return this */
        public CustomerBuilder withConsentSource(String value) {
            details.withConsentSource(value);
            return this;
        }

        /** @return the enrolment: customer and event */
        public Enrolment buildEnrolment() {
            return Customer.enrol(id, cardNumber, details.build(), enrolledAt);
        }

        /** @return the customer, version 0 */
        public Customer build() {
            return buildEnrolment().customer();
        }
    }

    /** Builds a {@link ProfileUpdate}; every setter returns the builder. */
    public static final class ProfileUpdateBuilder {
        private Optional<String> firstName = Optional.empty();
        private Optional<String> lastName = Optional.empty();
        private Optional<Email> email = Optional.empty();
        private Optional<PhoneNumber> phone = Optional.empty();
        private Optional<LocalDate> birthDate = Optional.empty();
        private Optional<PreferredChannel> preferredChannel = Optional.empty();
        private final Map<ConsentPurpose, Boolean> consents = new EnumMap<>(ConsentPurpose.class);
        private String source = "APP";
        private String textVersion = "consent-v2";
        private Optional<LanguageTag> language = Optional.empty();

        private ProfileUpdateBuilder() {}

        /** @param value new language of the customer's messages @return this */
        public ProfileUpdateBuilder language(String value) {
            this.language = Optional.of(LanguageTag.of(value, "language"));
            return this;
        }

        /** @param value new first name @return this */
        public ProfileUpdateBuilder firstName(String value) {
            this.firstName = Optional.of(value);
            return this;
        }

        /** @param value new last name (blank clears it) @return this */
        public ProfileUpdateBuilder lastName(String value) {
            this.lastName = Optional.of(value);
            return this;
        }

        /** @param value new e-mail address @return this */
        public ProfileUpdateBuilder email(String value) {
            this.email = Optional.of(Email.of(value));
            return this;
        }

        /** @param value new phone @return this */
        public ProfileUpdateBuilder phone(String value) {
            this.phone = Optional.of(PhoneNumber.of(value));
            return this;
        }

        /** @param value new birth date @return this */
        public ProfileUpdateBuilder birthDate(LocalDate value) {
            this.birthDate = Optional.of(value);
            return this;
        }

        /** @param value new preferred channel @return this */
        public ProfileUpdateBuilder preferredChannel(PreferredChannel value) {
            this.preferredChannel = Optional.of(value);
            return this;
        }

        /**
         * @param purpose a purpose
         * @param granted the decision
         * @return this
         */
        public ProfileUpdateBuilder consent(ConsentPurpose purpose, boolean granted) {
            consents.put(purpose, granted);
            return this;
        }

        /** @param value consent source @return this */
        public ProfileUpdateBuilder source(String value) {
            this.source = value;
            return this;
        }

        /** @param value consent text version @return this */
        public ProfileUpdateBuilder textVersion(String value) {
            this.textVersion = value;
            return this;
        }

        /** @return the update (validated by its constructor) */
        public ProfileUpdate build() {
            return ProfileUpdate.builder()
                    .firstName(firstName.orElse(null))
                    .lastName(lastName.orElse(null))
                    .email(email.orElse(null))
                    .phone(phone.orElse(null))
                    .birthDate(birthDate.orElse(null))
                    .preferredChannel(preferredChannel.orElse(null))
                    .consents(consents)
                    .consentEvidence(source, textVersion)
                    .language(language.orElse(null))
                    .build();
        }
    }
}
