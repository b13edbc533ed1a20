package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.domain.customer.Gender;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.customer.ProfileAttributes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /customers} ({@code language}: of the customer's messages, e.g. {@code it-IT}). Shape and sizes are checked here, meaning in the domain. */
public record EnrolmentRequest(
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 254) String email,
        @Size(max = 16) String phone,
        LocalDate birthDate,
        @NotNull @Size(max = 16) String preferredChannel,
        @NotNull @Valid ConsentsBody consents,
        @NotNull @Size(max = 16) String enrolmentChannel,
        @Size(max = 64) String storeId,
        @Size(max = 32) String referralCode,
        @Size(max = 100) String city,
        @Size(max = 100) String province,
        @Size(max = 16) String gender,
        @Size(max = 35) String language) {

    ProfileAttributes attributes() {
        return new ProfileAttributes(
                city,
                province,
                Choices.of(Gender.class, "gender", gender),
                language == null ? null : LanguageTag.of(language, "language"));
    }
}
