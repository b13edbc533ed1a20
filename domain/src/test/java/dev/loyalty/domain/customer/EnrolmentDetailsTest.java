package dev.loyalty.domain.customer;

import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnrolmentDetailsTest {

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }

    @Test
    void keepsValidDetailsAndTrimsNames() {
        EnrolmentDetails details = anEnrolment()
                .withFirstName("  Elena ")
                .withLastName(" Bianchi ")
                .withEmail("elena@example.it")
                .withPhone("+393471234567")
                .withPreferredChannel(PreferredChannel.SMS)
                .enrolledAt(EnrolmentChannel.STORE, "S001")
                .withReferralCode("FRIEND2025")
                .build();
        assertThat(details.firstName()).isEqualTo("Elena");
        assertThat(details.lastName()).isEqualTo("Bianchi");
        assertThat(details.storeId()).isEqualTo("S001");
        assertThat(details.consentSource()).isEqualTo("STORE:S001");
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        EnrolmentDetails details = new EnrolmentDetails(
                "Marco",
                null,
                null,
                null,
                null,
                PreferredChannel.NONE,
                ConsentChoices.none(),
                EnrolmentChannel.WEB,
                null,
                null,
                "WEB",
                "v1");
        assertThat(details.lastName()).isNull();
        assertThat(details.email()).isNull();
        assertThat(details.birthDate()).isNull();
    }

    @Test
    void blankLastNameMeansNone() {
        assertThat(anEnrolment().withLastName("   ").build().lastName()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void firstNameMustNotBeBlank(String firstName) {
        assertInvalid(() -> anEnrolment().withFirstName(firstName).build(), "firstName");
    }

    @Test
    void firstNameIsRequired() {
        assertInvalid(() -> anEnrolment().withFirstName(null).build(), "firstName");
    }

    @Test
    void namesAreAtMost100Characters() {
        assertThat(anEnrolment().withFirstName("a".repeat(100)).build().firstName())
                .hasSize(100);
        assertInvalid(() -> anEnrolment().withFirstName("a".repeat(101)).build(), "firstName");
        assertInvalid(() -> anEnrolment().withLastName("a".repeat(101)).build(), "lastName");
        assertInvalid(() -> anEnrolment().withFirstName("Mar\u0000co").build(), "firstName");
    }

    @Test
    void smsNeedsAPhoneAndEmailAnEmail() {
        assertInvalid(
                () -> anEnrolment().withPreferredChannel(PreferredChannel.SMS).build(), "preferredChannel");
        assertInvalid(
                () -> anEnrolment()
                        .withoutEmail()
                        .withPreferredChannel(PreferredChannel.EMAIL)
                        .build(),
                "preferredChannel");
        assertThat(anEnrolment()
                        .withoutEmail()
                        .withPreferredChannel(PreferredChannel.PUSH)
                        .build())
                .isNotNull();
        assertThat(anEnrolment().withPreferredChannel(PreferredChannel.EMAIL).build())
                .isNotNull();
    }

    @Test
    void requiredEnumsAndConsents() {
        assertInvalid(() -> anEnrolment().withPreferredChannel(null).build(), "preferredChannel");
        assertInvalid(() -> anEnrolment().enrolledAt(null).build(), "enrolmentChannel");
        assertInvalid(
                () -> new EnrolmentDetails(
                        "Marco",
                        null,
                        null,
                        null,
                        null,
                        PreferredChannel.NONE,
                        null,
                        EnrolmentChannel.APP,
                        null,
                        null,
                        "APP",
                        "v1"),
                "consents");
    }

    @Test
    void storeEnrolmentNeedsAStore() {
        assertInvalid(
                () -> anEnrolment()
                        .enrolledAt(EnrolmentChannel.STORE)
                        .withConsentSource("STORE")
                        .build(),
                "storeId");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "S 001",
                "S/001",
                "negozio-è",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void storeIdHasASafeShape(String storeId) {
        assertInvalid(
                () -> anEnrolment()
                        .enrolledAt(EnrolmentChannel.STORE, storeId)
                        .withConsentSource("STORE")
                        .build(),
                "storeId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ab-cd", "ab cd", "x12345678901234567890123456789012"})
    void referralCodeIsAlphanumeric(String code) {
        assertInvalid(() -> anEnrolment().withReferralCode(code).build(), "referralCode");
    }

    @Test
    void birthDateIsPastAndNotBefore1900() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertInvalid(() -> anEnrolment().withBirthDate(today).build(), "birthDate");
        assertInvalid(() -> anEnrolment().withBirthDate(today.plusYears(1)).build(), "birthDate");
        assertInvalid(
                () -> anEnrolment().withBirthDate(LocalDate.of(1899, 12, 31)).build(), "birthDate");
        assertThat(anEnrolment().withBirthDate(LocalDate.of(1900, 1, 1)).build().birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void consentSourceAndTextVersionAreRequired() {
        assertInvalid(() -> anEnrolment().withConsentSource(" ").build(), "consentSource");
        assertInvalid(() -> anEnrolment().withConsentTextVersion(null).build(), "consentTextVersion");
    }
}
