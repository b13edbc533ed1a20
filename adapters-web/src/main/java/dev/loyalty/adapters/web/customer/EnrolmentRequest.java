package dev.loyalty.adapters.web.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /customers}. Shape and sizes are checked here, meaning in the domain. */
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
        @Size(max = 32) String referralCode) {}
