package dev.loyalty.domain.customer;

import static dev.loyalty.domain.customer.CustomerFixtures.aCardNumber;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileAttributesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void placesAreTrimmedAndBlankMeansUnknown() {
        ProfileAttributes attributes = new ProfileAttributes("  Milano ", " ", Gender.FEMALE);

        assertThat(attributes.city()).isEqualTo("Milano");
        assertThat(attributes.province()).isNull();
        assertThat(attributes.knownProvince()).isEmpty();
        assertThat(attributes.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void aPlaceTooLongOrWithControlCharactersNamesItsField() {
        assertThatThrownBy(() -> new ProfileAttributes("x".repeat(101), null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("city"));
        assertThatThrownBy(() -> new ProfileAttributes(null, "Mi\u0000lano", null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("province"));
        assertThat(new ProfileAttributes("x".repeat(100), null, null).city()).hasSize(100);
    }

    @Test
    void enrolmentKeepsTheAttributesTold() {
        EnrolmentDetails told =
                withAttributes(anEnrolment().build(), new ProfileAttributes("Milano", "MI", Gender.MALE));

        Customer customer =
                Customer.enrol(CustomerId.newId(), aCardNumber(), told, NOW).customer();

        assertThat(customer.attributes()).isEqualTo(new ProfileAttributes("Milano", "MI", Gender.MALE));
        assertThat(anEnrolment().build().attributes()).isEqualTo(ProfileAttributes.NONE);
    }

    @Test
    void anUpdateChangesOnlyTheAttributesNamedAndABlankClearsAPlace() {
        Customer customer = Customer.enrol(
                        CustomerId.newId(),
                        aCardNumber(),
                        withAttributes(anEnrolment().build(), new ProfileAttributes("Milano", "MI", Gender.MALE)),
                        NOW)
                .customer();

        var happened =
                customer.updateProfile(attributes(Optional.of(" "), Optional.empty(), Optional.of(Gender.OTHER)), NOW);

        assertThat(customer.attributes()).isEqualTo(new ProfileAttributes(null, "MI", Gender.OTHER));
        assertThat(happened).singleElement().isInstanceOfSatisfying(CustomerProfileUpdated.class, e -> assertThat(
                        e.changedFields())
                .containsExactly("city", "gender"));
    }

    @Test
    void anUpdateToTheSameAttributesChangesNothing() {
        Customer customer = aCustomer().build();
        customer.updateProfile(attributes(Optional.of("Roma"), Optional.empty(), Optional.empty()), NOW);

        assertThat(customer.updateProfile(attributes(Optional.of("Roma"), Optional.empty(), Optional.empty()), NOW))
                .isEmpty();
    }

    @Test
    void anInvalidAttributeInAnUpdateNamesItsField() {
        assertThatThrownBy(() -> attributes(Optional.empty(), Optional.of("p".repeat(500)), Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("province"));
    }

    @Test
    void erasureForgetsTheAttributes() {
        Customer customer = aCustomer().build();
        customer.updateProfile(attributes(Optional.of("Roma"), Optional.of("RM"), Optional.of(Gender.FEMALE)), NOW);

        customer.erase(NOW, "ERASURE:admin", "v1");

        assertThat(customer.attributes()).isEqualTo(ProfileAttributes.NONE);
    }

    private static ProfileUpdate attributes(Optional<String> city, Optional<String> province, Optional<Gender> gender) {
        return ProfileUpdate.builder()
                .consentEvidence("APP", "v1")
                .city(city.orElse(null))
                .province(province.orElse(null))
                .gender(gender.orElse(null))
                .build();
    }

    private static EnrolmentDetails withAttributes(EnrolmentDetails d, ProfileAttributes attributes) {
        return new EnrolmentDetails(
                d.firstName(),
                d.lastName(),
                d.email(),
                d.phone(),
                d.birthDate(),
                d.preferredChannel(),
                d.consents(),
                d.enrolmentChannel(),
                d.storeId(),
                d.referralCode(),
                d.consentSource(),
                d.consentTextVersion(),
                attributes);
    }
}
