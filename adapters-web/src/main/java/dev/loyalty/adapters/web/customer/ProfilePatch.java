package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.Gender;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import dev.loyalty.domain.customer.ProfileUpdate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * The body of {@code PATCH /me} and the console's {@code PATCH /customers/{id}}: only the fields
 * present change; a blank last name, city or province clears it; {@code language} (a tag such as
 * {@code it} or {@code it-IT}) is the language of the customer's messages.
 */
public record ProfilePatch(
        @Size(min = 1, max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 254) String email,
        @Size(max = 16) String phone,
        LocalDate birthDate,
        @Size(max = 16) String preferredChannel,
        @Valid ConsentsBody consents,
        @Size(max = 100) String city,
        @Size(max = 100) String province,
        @Size(max = 16) String gender,
        @Size(max = 35) String language) {

    /**
     * @param source who collects the consents decided here
     * @param consentTextVersion the consent text in force
     * @return the change
     */
    ProfileUpdate toUpdate(String source, String consentTextVersion) {
        return ProfileUpdate.builder()
                .firstName(firstName)
                .lastName(lastName)
                .email(email == null ? null : Email.of(email))
                .phone(phone == null ? null : PhoneNumber.of(phone))
                .birthDate(birthDate)
                .preferredChannel(Choices.of(PreferredChannel.class, "preferredChannel", preferredChannel))
                .consents(consents == null ? Map.of() : consents.changes())
                .consentEvidence(source, consentTextVersion)
                .city(city)
                .province(province)
                .gender(Choices.of(Gender.class, "gender", gender))
                .language(language == null ? null : LanguageTag.of(language, "language"))
                .build();
    }
}
