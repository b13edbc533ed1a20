package dev.loyalty.domain.customer;

import java.time.LocalDate;

/**
 * What a new member tells us when enrolling, already validated: first name (trimmed, non-blank,
 * at most 100 characters), optional last name, e-mail, E.164 phone and birth date (past, not
 * before 1900), preferred channel reachable (SMS needs a phone, EMAIL an e-mail), consent
 * choices with the source and text version they were collected with, enrolment channel (STORE
 * names its store), optional store id and referral code, optional profile attributes (city,
 * province, gender). A failure names the JSON field.
 *
 * @param firstName first name, required
 * @param lastName last name, or {@code null}
 * @param email e-mail address, or {@code null}
 * @param phone phone number, or {@code null}
 * @param birthDate birth date, or {@code null}
 * @param preferredChannel preferred contact channel, required
 * @param consents the consent choices, required
 * @param enrolmentChannel where the enrolment happens, required
 * @param storeId the store ({@code [A-Za-z0-9_-]{1,64}}), required for STORE, else {@code null} allowed
 * @param referralCode a referral code ({@code [A-Za-z0-9]{4,32}}), or {@code null}
 * @param consentSource who collected the consents (e.g. {@code STORE:S001}, {@code APP}), required
 * @param consentTextVersion the version of the consent text shown, required
 * @param attributes city, province and gender as told ({@code null} read as none told)
 */
public record EnrolmentDetails(
        String firstName,
        String lastName,
        Email email,
        PhoneNumber phone,
        LocalDate birthDate,
        PreferredChannel preferredChannel,
        ConsentChoices consents,
        EnrolmentChannel enrolmentChannel,
        String storeId,
        String referralCode,
        String consentSource,
        String consentTextVersion,
        ProfileAttributes attributes) {

    /** Normalises the names and validates every rule. */
    public EnrolmentDetails {
        firstName = CustomerRules.firstName(firstName);
        lastName = CustomerRules.lastName(lastName);
        birthDate = CustomerRules.birthDate(birthDate);
        CustomerRules.preferredChannelReachable(preferredChannel, email, phone);
        CustomerRules.required(consents, "consents");
        storeId = CustomerRules.storeId(storeId);
        CustomerRules.storeNamedForStoreEnrolment(enrolmentChannel, storeId);
        referralCode = CustomerRules.referralCode(referralCode);
        consentSource = ConsentEvidence.requireText(consentSource, "consentSource", ConsentEvidence.MAX_SOURCE_LENGTH);
        consentTextVersion = ConsentEvidence.requireText(
                consentTextVersion, "consentTextVersion", ConsentEvidence.MAX_TEXT_VERSION_LENGTH);
        attributes = attributes == null ? ProfileAttributes.NONE : attributes;
    }

    /** Details without profile attributes (see the canonical constructor for the parameters). */
    public EnrolmentDetails(
            String firstName,
            String lastName,
            Email email,
            PhoneNumber phone,
            LocalDate birthDate,
            PreferredChannel preferredChannel,
            ConsentChoices consents,
            EnrolmentChannel enrolmentChannel,
            String storeId,
            String referralCode,
            String consentSource,
            String consentTextVersion) {
        this(
                firstName,
                lastName,
                email,
                phone,
                birthDate,
                preferredChannel,
                consents,
                enrolmentChannel,
                storeId,
                referralCode,
                consentSource,
                consentTextVersion,
                ProfileAttributes.NONE);
    }
}
