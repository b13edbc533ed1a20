package dev.loyalty.domain.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_PUSH;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static dev.loyalty.domain.customer.EnrolmentChannel.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant ENROLLED = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-10T18:30:00Z");

    @Nested
    class Enrol {

        @Test
        void createsVersionZeroCustomerAndEvent() {
            CustomerId id = CustomerId.newId();
            CardNumber card = CardNumber.fromSerial(17);
            EnrolmentDetails details = anEnrolment()
                    .withFirstName("Marco")
                    .withLastName("Rossi")
                    .withEmail("marco@example.it")
                    .withPhone("+393471234567")
                    .withBirthDate(LocalDate.of(1980, 5, 2))
                    .withPreferredChannel(PreferredChannel.SMS)
                    .withConsent(MARKETING_SMS)
                    .enrolledAt(STORE, "S001")
                    .withReferralCode("ELENA2025")
                    .build();

            Enrolment enrolment = Customer.enrol(id, card, details, ENROLLED);
            Customer customer = enrolment.customer();

            assertThat(customer.id()).isEqualTo(id);
            assertThat(customer.cardNumber()).isEqualTo(card);
            assertThat(customer.firstName()).isEqualTo("Marco");
            assertThat(customer.lastName()).contains("Rossi");
            assertThat(customer.email()).contains(Email.of("marco@example.it"));
            assertThat(customer.phone()).contains(PhoneNumber.of("+393471234567"));
            assertThat(customer.birthDate()).contains(LocalDate.of(1980, 5, 2));
            assertThat(customer.preferredChannel()).isEqualTo(PreferredChannel.SMS);
            assertThat(customer.enrolmentChannel()).isEqualTo(STORE);
            assertThat(customer.storeId()).contains("S001");
            assertThat(customer.referralCode()).contains("ELENA2025");
            assertThat(customer.enrolledAt()).isEqualTo(ENROLLED);
            assertThat(customer.version()).isZero();
            assertThat(enrolment.event())
                    .isEqualTo(new CustomerEnrolled(id, card, STORE, "S001", "ELENA2025", ENROLLED));
        }

        @Test
        void recordsOneEvidencePerPurpose() {
            Customer customer = aCustomer()
                    .withConsent(MARKETING_SMS, PROFILING)
                    .enrolledAt(STORE, "S001")
                    .enrolledOn(ENROLLED)
                    .build();

            assertThat(customer.consentHistory())
                    .containsExactly(
                            new ConsentEvidence(MARKETING_EMAIL, false, ENROLLED, "STORE:S001", "consent-v1"),
                            new ConsentEvidence(MARKETING_SMS, true, ENROLLED, "STORE:S001", "consent-v1"),
                            new ConsentEvidence(MARKETING_PUSH, false, ENROLLED, "STORE:S001", "consent-v1"),
                            new ConsentEvidence(PROFILING, true, ENROLLED, "STORE:S001", "consent-v1"));
            assertThat(customer.consents().current()).isEqualTo(new ConsentChoices(false, true, false, true));
            assertThat(customer.hasGranted(MARKETING_SMS, PROFILING)).isTrue();
            assertThat(customer.hasGranted(MARKETING_EMAIL)).isFalse();
        }

        @Test
        void optionalFieldsAreEmptyWhenNotGiven() {
            Customer customer = aCustomer()
                    .withoutEmail()
                    .withLastName(null)
                    .withBirthDate(null)
                    .build();
            assertThat(customer.email()).isEmpty();
            assertThat(customer.phone()).isEmpty();
            assertThat(customer.lastName()).isEmpty();
            assertThat(customer.birthDate()).isEmpty();
            assertThat(customer.storeId()).isEmpty();
            assertThat(customer.referralCode()).isEmpty();
        }

        @Test
        void historyIsUnmodifiable() {
            Customer customer = aCustomer().build();
            List<ConsentEvidence> history = customer.consentHistory();
            assertThatThrownBy(() -> history.add(history.get(0))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void identityMakesEquality() {
            Customer customer = aCustomer().build();
            Customer same = Customer.reconstitute(
                    customer.id(),
                    customer.cardNumber(),
                    "Other",
                    null,
                    null,
                    null,
                    null,
                    ProfileAttributes.NONE,
                    PreferredChannel.NONE,
                    EnrolmentChannel.WEB,
                    null,
                    null,
                    LATER,
                    List.of(),
                    3);
            assertThat(same).isEqualTo(customer).hasSameHashCodeAs(customer);
            assertThat(customer.toString()).doesNotContain(customer.firstName());
        }
    }

    @Nested
    class Reconstitute {

        @Test
        void rebuildsEveryField() {
            CustomerId id = CustomerId.newId();
            List<ConsentEvidence> history = List.of(
                    new ConsentEvidence(MARKETING_EMAIL, true, ENROLLED, "WEB", "v1"),
                    new ConsentEvidence(MARKETING_EMAIL, false, LATER, "ADMIN", "v2"));
            Customer customer = Customer.reconstitute(
                    id,
                    CardNumber.of("4006381333931"),
                    "Elena",
                    "Bianchi",
                    Email.of("elena@example.it"),
                    null,
                    LocalDate.of(1990, 1, 1),
                    ProfileAttributes.NONE,
                    PreferredChannel.EMAIL,
                    EnrolmentChannel.WEB,
                    null,
                    "CODE1234",
                    ENROLLED,
                    history,
                    7);

            assertThat(customer.version()).isEqualTo(7);
            assertThat(customer.consentHistory()).isEqualTo(history);
            assertThat(customer.consents().isGranted(MARKETING_EMAIL)).isFalse();
            assertThat(customer.referralCode()).contains("CODE1234");
        }

        @Test
        void enforcesTheInvariants() {
            assertThatThrownBy(() -> Customer.reconstitute(
                            CustomerId.newId(),
                            CardNumber.fromSerial(1),
                            "Elena",
                            null,
                            null,
                            null,
                            null,
                            ProfileAttributes.NONE,
                            PreferredChannel.SMS,
                            EnrolmentChannel.APP,
                            null,
                            null,
                            ENROLLED,
                            List.of(),
                            0))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("preferredChannel"));
            assertThatThrownBy(() -> Customer.reconstitute(
                            CustomerId.newId(),
                            CardNumber.fromSerial(1),
                            "Elena",
                            null,
                            null,
                            null,
                            null,
                            ProfileAttributes.NONE,
                            PreferredChannel.NONE,
                            STORE,
                            null,
                            null,
                            ENROLLED,
                            List.of(),
                            0))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("storeId"));
            assertThatThrownBy(() -> Customer.reconstitute(
                            CustomerId.newId(),
                            null,
                            "Elena",
                            null,
                            null,
                            null,
                            null,
                            ProfileAttributes.NONE,
                            PreferredChannel.NONE,
                            EnrolmentChannel.APP,
                            null,
                            null,
                            ENROLLED,
                            List.of(),
                            0))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("cardNumber"));
            assertThatThrownBy(() -> Customer.reconstitute(
                            CustomerId.newId(),
                            CardNumber.fromSerial(1),
                            "Elena",
                            null,
                            null,
                            null,
                            null,
                            ProfileAttributes.NONE,
                            PreferredChannel.NONE,
                            EnrolmentChannel.APP,
                            null,
                            null,
                            ENROLLED,
                            List.of(),
                            -1))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class UpdateProfile {

        @Test
        void nothingMentionedNothingChanges() {
            Customer customer = aCustomer().build();
            assertThat(customer.updateProfile(aProfileUpdate().build(), LATER)).isEmpty();
            assertThat(customer.consentHistory()).hasSize(4);
        }

        @Test
        void sameValuesAreNotChanges() {
            Customer customer = aCustomer()
                    .withFirstName("Marco")
                    .withEmail("marco@example.it")
                    .withConsent(MARKETING_EMAIL)
                    .build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate()
                            .firstName(" Marco ")
                            .email("MARCO@example.it")
                            .consent(MARKETING_EMAIL, true)
                            .consent(MARKETING_SMS, false)
                            .build(),
                    LATER);
            assertThat(events).isEmpty();
            assertThat(customer.consentHistory()).hasSize(4);
        }

        @Test
        void changesFieldsAndReportsTheirNames() {
            Customer customer =
                    aCustomer().withFirstName("Marco").withLastName("Rossi").build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate()
                            .firstName("Marcello")
                            .phone("+393471234567")
                            .preferredChannel(PreferredChannel.SMS)
                            .birthDate(LocalDate.of(1979, 2, 3))
                            .build(),
                    LATER);

            assertThat(events)
                    .containsExactly(new CustomerProfileUpdated(
                            customer.id(),
                            java.util.Set.of("firstName", "phone", "preferredChannel", "birthDate"),
                            LATER));
            assertThat(customer.firstName()).isEqualTo("Marcello");
            assertThat(customer.lastName()).contains("Rossi");
            assertThat(customer.phone()).contains(PhoneNumber.of("+393471234567"));
            assertThat(customer.preferredChannel()).isEqualTo(PreferredChannel.SMS);
            assertThat(customer.birthDate()).contains(LocalDate.of(1979, 2, 3));
            assertThat(customer.version()).isZero();
        }

        @Test
        void theLanguageOfTheMessagesChangesAndKeepsTheRestOfTheAttributes() {
            Customer customer = aCustomer().build();

            List<CustomerEvent> events =
                    customer.updateProfile(aProfileUpdate().language("it-it").build(), LATER);

            assertThat(customer.attributes().knownLanguage()).contains(LanguageTag.of("it-IT", "language"));
            assertThat(events).singleElement().isInstanceOfSatisfying(CustomerProfileUpdated.class, e -> assertThat(
                            e.changedFields())
                    .containsExactly("language"));
            assertThat(customer.updateProfile(aProfileUpdate().language("it-IT").build(), LATER))
                    .as("the same language is no change")
                    .isEmpty();
        }

        @Test
        void blankLastNameClearsIt() {
            Customer customer = aCustomer().withLastName("Rossi").build();
            List<CustomerEvent> events =
                    customer.updateProfile(aProfileUpdate().lastName("  ").build(), LATER);
            assertThat(customer.lastName()).isEmpty();
            assertThat(events).singleElement().isInstanceOfSatisfying(CustomerProfileUpdated.class, e -> assertThat(
                            e.changedFields())
                    .containsExactly("lastName"));
        }

        @Test
        void appendsEvidenceOnlyForConsentsThatChange() {
            Customer customer = aCustomer()
                    .withConsent(MARKETING_EMAIL)
                    .enrolledOn(ENROLLED)
                    .build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate()
                            .consent(MARKETING_EMAIL, true)
                            .consent(MARKETING_SMS, true)
                            .consent(PROFILING, false)
                            .consent(MARKETING_PUSH, true)
                            .source("STORE:S002")
                            .textVersion("consent-v2")
                            .build(),
                    LATER);

            assertThat(events)
                    .containsExactly(
                            new ConsentChanged(customer.id(), MARKETING_SMS, true, "STORE:S002", LATER),
                            new ConsentChanged(customer.id(), MARKETING_PUSH, true, "STORE:S002", LATER));
            assertThat(customer.consentHistory())
                    .hasSize(6)
                    .endsWith(
                            new ConsentEvidence(MARKETING_SMS, true, LATER, "STORE:S002", "consent-v2"),
                            new ConsentEvidence(MARKETING_PUSH, true, LATER, "STORE:S002", "consent-v2"));
            assertThat(customer.consents().current()).isEqualTo(new ConsentChoices(true, true, true, false));
        }

        @Test
        void withdrawingIsRecordedAsEvidenceToo() {
            Customer customer = aCustomer().withConsent(PROFILING).build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate().consent(PROFILING, false).build(), LATER);
            assertThat(events).containsExactly(new ConsentChanged(customer.id(), PROFILING, false, "APP", LATER));
            assertThat(customer.consents().isGranted(PROFILING)).isFalse();
            assertThat(customer.consentHistory()).hasSize(5);
        }

        @Test
        void profileEventComesBeforeConsentEvents() {
            Customer customer = aCustomer().build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate()
                            .firstName("Elena")
                            .consent(MARKETING_PUSH, true)
                            .build(),
                    LATER);
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(CustomerProfileUpdated.class);
            assertThat(events.get(1)).isInstanceOf(ConsentChanged.class);
        }

        @Test
        void smsWithoutAPhoneIsInvalidAndChangesNothing() {
            Customer customer = aCustomer().withFirstName("Marco").build();
            ProfileUpdate update = aProfileUpdate()
                    .firstName("Elena")
                    .preferredChannel(PreferredChannel.SMS)
                    .consent(MARKETING_SMS, true)
                    .build();

            assertThatThrownBy(() -> customer.updateProfile(update, LATER))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("preferredChannel"));
            assertThat(customer.firstName()).isEqualTo("Marco");
            assertThat(customer.preferredChannel()).isEqualTo(PreferredChannel.NONE);
            assertThat(customer.consentHistory()).hasSize(4);
        }

        @Test
        void emailChannelWithTheNewEmailIsValid() {
            Customer customer = aCustomer().withoutEmail().build();
            List<CustomerEvent> events = customer.updateProfile(
                    aProfileUpdate()
                            .email("new@example.it")
                            .preferredChannel(PreferredChannel.EMAIL)
                            .build(),
                    LATER);
            assertThat(events).singleElement().isInstanceOfSatisfying(CustomerProfileUpdated.class, e -> assertThat(
                            e.changedFields())
                    .containsExactly("email", "preferredChannel"));
        }
    }

    @Nested
    class ProfileUpdateValidation {

        @Test
        void validatesPresentValues() {
            assertThatThrownBy(() -> aProfileUpdate().firstName(" ").build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("firstName"));
            assertThatThrownBy(() -> aProfileUpdate().lastName("x".repeat(101)).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("lastName"));
            assertThatThrownBy(() ->
                            aProfileUpdate().birthDate(LocalDate.of(1850, 1, 1)).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("birthDate"));
        }

        @Test
        void consentsNeedSourceAndTextVersion() {
            assertThatThrownBy(() -> aProfileUpdate()
                            .consent(PROFILING, true)
                            .source(null)
                            .build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("consentSource"));
            assertThatThrownBy(() -> aProfileUpdate()
                            .consent(PROFILING, true)
                            .textVersion("")
                            .build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("consentTextVersion"));
            assertThat(aProfileUpdate()
                            .source(null)
                            .textVersion(null)
                            .firstName("Elena")
                            .build()
                            .isEmpty())
                    .isFalse();
        }

        @Test
        void nullsMeanNoChange() {
            ProfileUpdate update =
                    new ProfileUpdate(null, null, null, null, null, null, null, null, null, null, null, null, null);
            assertThat(update.isEmpty()).isTrue();
            assertThat(update.firstName()).isEmpty();
            assertThat(update.consents()).isEmpty();
            assertThat(ProfileUpdate.nothing("APP", "v1").isEmpty()).isTrue();
        }

        @Test
        void consentMapIsCopiedAndFrozen() {
            java.util.HashMap<ConsentPurpose, Boolean> consents = new java.util.HashMap<>(Map.of(PROFILING, true));
            ProfileUpdate update = new ProfileUpdate(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    consents,
                    "APP",
                    "v1",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            consents.put(MARKETING_SMS, true);
            assertThat(update.consents()).containsExactly(Map.entry(PROFILING, true));
            assertThatThrownBy(() -> update.consents().put(MARKETING_SMS, true))
                    .isInstanceOf(UnsupportedOperationException.class);
            java.util.HashMap<ConsentPurpose, Boolean> withNull = new java.util.HashMap<>();
            withNull.put(PROFILING, null);
            assertThatThrownBy(() -> ProfileUpdate.builder()
                            .consents(withNull)
                            .consentEvidence("APP", "v1")
                            .build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("consents"));
        }
    }
}
