package dev.loyalty.adapters.web.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code PATCH /me}: only the fields present change. */
public record ProfilePatch(
        @Size(min = 1, max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 254) String email,
        @Size(max = 16) String phone,
        LocalDate birthDate,
        @Size(max = 16) String preferredChannel,
        @Valid ConsentsBody consents) {}
