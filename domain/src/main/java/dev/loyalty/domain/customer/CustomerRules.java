package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The field rules a customer profile obeys, shared by enrolment, profile updates and
 * reconstitution so that the three cannot drift apart. Each check names the JSON field.
 */
final class CustomerRules {

    static final int MAX_NAME_LENGTH = 100;
    static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern REFERRAL_CODE = Pattern.compile("[A-Za-z0-9]{4,32}");

    private CustomerRules() {}

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** Non-blank, trimmed, at most 100 characters, no control characters. */
    static String firstName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("firstName", "firstName must not be blank");
        }
        return name(raw, "firstName");
    }

    /** Optional; trimmed, at most 100 characters; blank means absent ({@code null}). */
    static String lastName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return name(raw, "lastName");
    }

    /** Optional (city, province); trimmed, at most 100 characters; blank means absent ({@code null}). */
    static String place(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return name(raw, field);
    }

    private static String name(String raw, String field) {
        String name = raw.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException(field, field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, field + " must not contain control characters");
        }
        return name;
    }

    /** Optional; in the past (UTC calendar) and not before 1900-01-01. */
    static LocalDate birthDate(LocalDate birthDate) {
        if (birthDate == null) {
            return null;
        }
        if (birthDate.isBefore(OLDEST_BIRTH_DATE)) {
            throw new InvalidValueException("birthDate", "birthDate must not be before 1900-01-01");
        }
        if (!birthDate.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new InvalidValueException("birthDate", "birthDate must be in the past");
        }
        return birthDate;
    }

    /** Optional; 1 to 64 characters among letters, digits, {@code _} and {@code -}. */
    static String storeId(String storeId) {
        if (storeId != null && !STORE_ID.matcher(storeId).matches()) {
            throw new InvalidValueException("storeId", "storeId must be 1-64 letters, digits, '_' or '-'");
        }
        return storeId;
    }

    /** Optional; 4 to 32 letters or digits. */
    static String referralCode(String referralCode) {
        if (referralCode != null && !REFERRAL_CODE.matcher(referralCode).matches()) {
            throw new InvalidValueException("referralCode", "referralCode must be 4-32 letters or digits");
        }
        return referralCode;
    }

    /** SMS needs a phone number, EMAIL an e-mail address. */
    static void preferredChannelReachable(PreferredChannel channel, Email email, PhoneNumber phone) {
        required(channel, "preferredChannel");
        if (channel == PreferredChannel.SMS && phone == null) {
            throw new InvalidValueException("preferredChannel", "preferredChannel SMS requires a phone");
        }
        if (channel == PreferredChannel.EMAIL && email == null) {
            throw new InvalidValueException("preferredChannel", "preferredChannel EMAIL requires an email");
        }
    }

    /** A store enrolment names its store. */
    static void storeNamedForStoreEnrolment(EnrolmentChannel channel, String storeId) {
        required(channel, "enrolmentChannel");
        if (channel == EnrolmentChannel.STORE && storeId == null) {
            throw new InvalidValueException("storeId", "storeId is required for a STORE enrolment");
        }
    }
}
