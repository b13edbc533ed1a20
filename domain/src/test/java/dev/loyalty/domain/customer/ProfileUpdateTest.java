package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile change built by name: each named value lands in its own field, nothing else changes. */
class ProfileUpdateTest {

    @Test
    void eachNamedValueLandsInItsOwnField() {
        ProfileUpdate update = ProfileUpdate.builder()
                .firstName("Elena")
                .lastName("Bianchi")
                .email(Email.of("elena@example.com"))
                .phone(PhoneNumber.of("+393471234567"))
                .birthDate(LocalDate.of(1990, 5, 17))
                .preferredChannel(PreferredChannel.SMS)
                .consent(ConsentPurpose.MARKETING_SMS, true)
                .consentEvidence("APP", "v7")
                .city("Torino")
                .province("TO")
                .gender(Gender.values()[0])
                .language(LanguageTag.of("it-IT", "language"))
                .build();

        assertThat(update.firstName()).contains("Elena");
        assertThat(update.lastName()).contains("Bianchi");
        assertThat(update.email()).contains(Email.of("elena@example.com"));
        assertThat(update.phone()).contains(PhoneNumber.of("+393471234567"));
        assertThat(update.birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(update.preferredChannel()).contains(PreferredChannel.SMS);
        assertThat(update.consents()).isEqualTo(Map.of(ConsentPurpose.MARKETING_SMS, true));
        assertThat(update.source()).isEqualTo("APP");
        assertThat(update.textVersion()).isEqualTo("v7");
        assertThat(update.city()).contains("Torino");
        assertThat(update.province()).contains("TO");
        assertThat(update.gender()).contains(Gender.values()[0]);
        assertThat(update.language()).contains(LanguageTag.of("it-IT", "language"));
    }

    @Test
    void aValueNamedAsNullOrNotNamedIsLeftAlone() {
        ProfileUpdate update = ProfileUpdate.builder()
                .firstName(null)
                .email(null)
                .consents(null)
                .city(null)
                .language(null)
                .build();

        assertThat(update.isEmpty()).isTrue();
        assertThat(ProfileUpdate.builder().lastName(" ").build().lastName())
                .as("a blank last name clears it")
                .contains("");
    }

    @Test
    void aWithdrawalDecidesOnlyThatPurposeWithItsEvidence() {
        ProfileUpdate withdrawal = ProfileUpdate.withdrawal(ConsentPurpose.MARKETING_EMAIL, "UNSUBSCRIBE_LINK", "v3");

        assertThat(withdrawal.consents()).isEqualTo(Map.of(ConsentPurpose.MARKETING_EMAIL, false));
        assertThat(withdrawal.source()).isEqualTo("UNSUBSCRIBE_LINK");
        assertThat(withdrawal.firstName()).isEmpty();
        assertThat(withdrawal.language()).isEmpty();
    }

    @Test
    void theBuilderValidatesAsTheRecordDoes() {
        assertThatThrownBy(() -> ProfileUpdate.builder()
                        .consent(ConsentPurpose.PROFILING, true)
                        .build())
                .as("a consent without its evidence")
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("consentSource"));
        assertThatThrownBy(() -> ProfileUpdate.builder().firstName(" ").build())
                .isInstanceOf(InvalidValueException.class);
    }
}
