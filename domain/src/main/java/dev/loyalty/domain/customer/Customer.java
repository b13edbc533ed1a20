package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loyalty member: identity, card, profile, contact points and the append-only trail of consent
 * evidence. Always valid: a first name, a reachable preferred channel (SMS has a phone, EMAIL an
 * e-mail), a store for STORE enrolments, one evidence per decision; optional profile attributes
 * (city, province, gender). Created by {@link #enrol},
 * rebuilt from storage by {@link #reconstitute}; changes return the events that happened. The
 * version is the optimistic-lock version kept by the repository.
 */
public final class Customer {

    private final CustomerId id;
    private final CardNumber cardNumber;
    private String firstName;
    private String lastName;
    private Email email;
    private PhoneNumber phone;
    private LocalDate birthDate;
    private ProfileAttributes attributes;
    private PreferredChannel preferredChannel;
    private final EnrolmentChannel enrolmentChannel;
    private final String storeId;
    private final String referralCode;
    private final Instant enrolledAt;
    private final List<ConsentEvidence> consentHistory;
    private final long version;

    private Customer(
            CustomerId id,
            CardNumber cardNumber,
            String firstName,
            String lastName,
            Email email,
            PhoneNumber phone,
            LocalDate birthDate,
            ProfileAttributes attributes,
            PreferredChannel preferredChannel,
            EnrolmentChannel enrolmentChannel,
            String storeId,
            String referralCode,
            Instant enrolledAt,
            List<ConsentEvidence> consentHistory,
            long version) {
        this.id = CustomerRules.required(id, "customerId");
        this.cardNumber = CustomerRules.required(cardNumber, "cardNumber");
        this.firstName = CustomerRules.firstName(firstName);
        this.lastName = CustomerRules.lastName(lastName);
        this.email = email;
        this.phone = phone;
        this.birthDate = CustomerRules.birthDate(birthDate);
        this.attributes = attributes == null ? ProfileAttributes.NONE : attributes;
        CustomerRules.preferredChannelReachable(preferredChannel, email, phone);
        this.preferredChannel = preferredChannel;
        this.storeId = CustomerRules.storeId(storeId);
        CustomerRules.storeNamedForStoreEnrolment(enrolmentChannel, storeId);
        this.enrolmentChannel = enrolmentChannel;
        this.referralCode = CustomerRules.referralCode(referralCode);
        this.enrolledAt = CustomerRules.required(enrolledAt, "enrolledAt");
        this.consentHistory = new ArrayList<>(CustomerRules.required(consentHistory, "consentHistory"));
        if (this.consentHistory.contains(null)) {
            throw new InvalidValueException("consentHistory", "consentHistory must not contain null");
        }
        if (version < 0) {
            throw new InvalidValueException("version", "version must not be negative");
        }
        this.version = version;
    }

    /**
     * Enrols a new member: records one consent evidence per purpose (granted or not) at
     * {@code now}, with the source and text version of the details.
     *
     * @param id a fresh identity
     * @param cardNumber a card number never issued before
     * @param details what the member told us, validated
     * @param now the enrolment instant
     * @return the customer (version 0) and the {@link CustomerEnrolled} event
     */
    public static Enrolment enrol(CustomerId id, CardNumber cardNumber, EnrolmentDetails details, Instant now) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(now, "now");
        List<ConsentEvidence> evidence = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            evidence.add(new ConsentEvidence(
                    purpose,
                    details.consents().granted(purpose),
                    now,
                    details.consentSource(),
                    details.consentTextVersion()));
        }
        Customer customer = new Customer(
                id,
                cardNumber,
                details.firstName(),
                details.lastName(),
                details.email(),
                details.phone(),
                details.birthDate(),
                details.attributes(),
                details.preferredChannel(),
                details.enrolmentChannel(),
                details.storeId(),
                details.referralCode(),
                now,
                evidence,
                0L);
        CustomerEnrolled event = new CustomerEnrolled(
                id, cardNumber, details.enrolmentChannel(), details.storeId(), details.referralCode(), now);
        return new Enrolment(customer, event);
    }

    /**
     * Rebuilds a stored customer with its profile attributes; enforces the same invariants as
     * enrolment.
     *
     * @param id identity
     * @param cardNumber card
     * @param firstName first name
     * @param lastName last name, or {@code null}
     * @param email e-mail address, or {@code null}
     * @param phone phone number, or {@code null}
     * @param birthDate birth date, or {@code null}
     * @param attributes city, province and gender ({@code null} read as none)
     * @param preferredChannel preferred channel
     * @param enrolmentChannel where the member enrolled
     * @param storeId the enrolment store, or {@code null}
     * @param referralCode the referral code given at enrolment, or {@code null}
     * @param enrolledAt when the member enrolled
     * @param consentHistory every consent decision recorded, oldest first (the order is kept)
     * @param version the optimistic-lock version
     * @return the customer
     */
    public static Customer reconstitute(
            CustomerId id,
            CardNumber cardNumber,
            String firstName,
            String lastName,
            Email email,
            PhoneNumber phone,
            LocalDate birthDate,
            ProfileAttributes attributes,
            PreferredChannel preferredChannel,
            EnrolmentChannel enrolmentChannel,
            String storeId,
            String referralCode,
            Instant enrolledAt,
            List<ConsentEvidence> consentHistory,
            long version) {
        return new Customer(
                id,
                cardNumber,
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                attributes,
                preferredChannel,
                enrolmentChannel,
                storeId,
                referralCode,
                enrolledAt,
                consentHistory,
                version);
    }

    /**
     * Applies a partial profile change. Either everything is valid and applied, or nothing changes.
     * Only consents whose state actually changes get a new evidence record. The version is left
     * alone: the repository advances it when it stores the change.
     *
     * @param update the change
     * @param now the instant of the change
     * @return what happened: a {@link CustomerProfileUpdated} when a field changed, then one
     *         {@link ConsentChanged} per consent changed; empty when nothing changed
     * @throws InvalidValueException when the result would break a rule (e.g. SMS without a phone)
     */
    public List<CustomerEvent> updateProfile(ProfileUpdate update, Instant now) {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(now, "now");

        String newFirstName = update.firstName().orElse(firstName);
        String newLastName = update.lastName().isPresent()
                ? CustomerRules.lastName(update.lastName().get())
                : lastName;
        Email newEmail = update.email().orElse(email);
        PhoneNumber newPhone = update.phone().orElse(phone);
        LocalDate newBirthDate = update.birthDate().orElse(birthDate);
        PreferredChannel newPreferredChannel = update.preferredChannel().orElse(preferredChannel);
        ProfileAttributes newAttributes = new ProfileAttributes(
                update.city().isPresent() ? update.city().get() : attributes.city(),
                update.province().isPresent() ? update.province().get() : attributes.province(),
                update.gender().orElse(attributes.gender()),
                update.language().orElse(attributes.language()));
        CustomerRules.preferredChannelReachable(newPreferredChannel, newEmail, newPhone);

        Set<String> changedFields = new TreeSet<>();
        markIfChanged(changedFields, "firstName", firstName, newFirstName);
        markIfChanged(changedFields, "lastName", lastName, newLastName);
        markIfChanged(changedFields, "email", email, newEmail);
        markIfChanged(changedFields, "phone", phone, newPhone);
        markIfChanged(changedFields, "birthDate", birthDate, newBirthDate);
        markIfChanged(changedFields, "preferredChannel", preferredChannel, newPreferredChannel);
        markIfChanged(changedFields, "city", attributes.city(), newAttributes.city());
        markIfChanged(changedFields, "province", attributes.province(), newAttributes.province());
        markIfChanged(changedFields, "gender", attributes.gender(), newAttributes.gender());
        markIfChanged(changedFields, "language", attributes.language(), newAttributes.language());

        Consents current = consents();
        List<ConsentEvidence> newEvidence = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            Boolean decided = update.consents().get(purpose);
            if (decided != null && decided != current.isGranted(purpose)) {
                newEvidence.add(new ConsentEvidence(purpose, decided, now, update.source(), update.textVersion()));
            }
        }

        List<CustomerEvent> events = new ArrayList<>();
        if (!changedFields.isEmpty()) {
            firstName = newFirstName;
            lastName = newLastName;
            email = newEmail;
            phone = newPhone;
            birthDate = newBirthDate;
            preferredChannel = newPreferredChannel;
            attributes = newAttributes;
            events.add(new CustomerProfileUpdated(id, changedFields, now));
        }
        for (ConsentEvidence evidence : newEvidence) {
            consentHistory.add(evidence);
            events.add(new ConsentChanged(id, evidence.purpose(), evidence.granted(), evidence.source(), now));
        }
        return List.copyOf(events);
    }

    /** The first name an erased customer keeps (a name is required; this one identifies nobody). */
    public static final String ERASED_NAME = "(erased)";

    /**
     * Erases the personal data: name, contact details, birth date and profile attributes; every consent still granted
     * is withdrawn with evidence. The identity, card number and history stay. Erasing an erased
     * customer changes nothing.
     *
     * @param now when
     * @param source who asked (recorded with the withdrawals)
     * @param textVersion the privacy notice in force
     * @return a {@link CustomerErased} (after one {@link ConsentChanged} per withdrawal), or
     *     nothing when already erased
     */
    public List<CustomerEvent> erase(Instant now, String source, String textVersion) {
        Objects.requireNonNull(now, "now");
        if (isErased()) {
            return List.of();
        }
        List<CustomerEvent> events = new ArrayList<>();
        Consents current = consents();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (current.isGranted(purpose)) {
                ConsentEvidence withdrawal = new ConsentEvidence(purpose, false, now, source, textVersion);
                consentHistory.add(withdrawal);
                events.add(new ConsentChanged(id, purpose, false, source, now));
            }
        }
        firstName = ERASED_NAME;
        lastName = null;
        email = null;
        phone = null;
        birthDate = null;
        attributes = ProfileAttributes.NONE;
        preferredChannel = PreferredChannel.NONE;
        events.add(new CustomerErased(id, now));
        return List.copyOf(events);
    }

    /** @return whether the personal data was erased */
    public boolean isErased() {
        return ERASED_NAME.equals(firstName) && email == null && phone == null;
    }

    private static void markIfChanged(Set<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** @return the identity */
    public CustomerId id() {
        return id;
    }

    /** @return the loyalty card number */
    public CardNumber cardNumber() {
        return cardNumber;
    }

    /** @return the first name */
    public String firstName() {
        return firstName;
    }

    /** @return the last name, if known */
    public Optional<String> lastName() {
        return Optional.ofNullable(lastName);
    }

    /** @return the e-mail address, if known */
    public Optional<Email> email() {
        return Optional.ofNullable(email);
    }

    /** @return the phone number, if known */
    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    /** @return the birth date, if known */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @return city, province and gender as told (each may be unknown) */
    public ProfileAttributes attributes() {
        return attributes;
    }

    /** @return the preferred contact channel */
    public PreferredChannel preferredChannel() {
        return preferredChannel;
    }

    /** @return where the member enrolled */
    public EnrolmentChannel enrolmentChannel() {
        return enrolmentChannel;
    }

    /** @return the enrolment store, if any */
    public Optional<String> storeId() {
        return Optional.ofNullable(storeId);
    }

    /** @return the referral code given at enrolment, if any */
    public Optional<String> referralCode() {
        return Optional.ofNullable(referralCode);
    }

    /** @return when the member enrolled */
    public Instant enrolledAt() {
        return enrolledAt;
    }

    /** @return every consent decision recorded, oldest first, unmodifiable */
    public List<ConsentEvidence> consentHistory() {
        return List.copyOf(consentHistory);
    }

    /** @return the consent state in force, derived from the history */
    public Consents consents() {
        return Consents.from(consentHistory);
    }

    /** @return the optimistic-lock version (0 when never updated) */
    public long version() {
        return version;
    }

    /**
     * @param purposes the consents to look at
     * @return whether every one of them is granted
     */
    public boolean hasGranted(ConsentPurpose... purposes) {
        Consents consents = consents();
        for (ConsentPurpose purpose : purposes) {
            if (!consents.isGranted(purpose)) {
                return false;
            }
        }
        return true;
    }

    /** Two customers are the same when they have the same identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Customer that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Identity and version only: no personal data in logs. */
    @Override
    public String toString() {
        return "Customer[id=" + id + ", version=" + version + "]";
    }
}
