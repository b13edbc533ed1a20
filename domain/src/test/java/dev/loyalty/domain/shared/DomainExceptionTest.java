package dev.loyalty.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void invalidValueNamesItsFieldAndCode() {
        InvalidValueException failure = new InvalidValueException("email", "email must not be blank");
        assertThat(failure.field()).isEqualTo("email");
        assertThat(failure.code()).isEqualTo("validation-failed");
        assertThat(failure.getMessage()).isEqualTo("email must not be blank");
        assertThat(failure).isInstanceOf(DomainException.class);
    }

    @Test
    void concurrentUpdateAndForbiddenHaveStableCodes() {
        assertThat(new ConcurrentUpdateException().code()).isEqualTo("concurrent-update");
        assertThat(new ConcurrentUpdateException("customer changed", new IllegalStateException()).getCause())
                .isInstanceOf(IllegalStateException.class);
        AccessDeniedException denied = new AccessDeniedException("other store");
        assertThat(denied.code()).isEqualTo("forbidden");
        assertThat(denied.getMessage()).isEqualTo("other store");
    }
}
