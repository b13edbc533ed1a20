package dev.loyalty.application.customer;

import dev.loyalty.domain.shared.DomainException;

/**
 * A contact verification that cannot succeed, with its code: {@code contact-verification-not-found}
 * (nothing awaits verification on that channel), {@code contact-verification-expired},
 * {@code contact-verification-code-invalid} (with the attempts left) or {@code
 * contact-verification-locked} (too many wrong codes: change the contact again for a new code).
 */
public class ContactVerificationException extends DomainException {

    private final String code;

    private ContactVerificationException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    static ContactVerificationException notFound() {
        return new ContactVerificationException(
                "contact-verification-not-found", "no changed contact awaits verification on this channel");
    }

    static ContactVerificationException expired() {
        return new ContactVerificationException(
                "contact-verification-expired", "the code has expired: change the contact again for a new code");
    }

    static ContactVerificationException wrongCode(int attemptsLeft) {
        return new ContactVerificationException(
                "contact-verification-code-invalid",
                "the code is not the one sent; " + attemptsLeft + " attempt(s) left");
    }

    static ContactVerificationException locked() {
        return new ContactVerificationException(
                "contact-verification-locked", "too many wrong codes: change the contact again for a new code");
    }

    @Override
    public String code() {
        return code;
    }
}
