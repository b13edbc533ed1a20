package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A loyalty card number: an EAN-13 (13 digits, valid GS1 check digit) that prints as a barcode.
 * Cards issued here use the GS1 in-store prefix {@code 29} followed by a scrambled serial, so
 * that distinct serials give distinct cards and consecutive serials do not give consecutive cards.
 *
 * @param value the 13 digits
 */
public record CardNumber(String value) {

    /** Smallest serial {@link #fromSerial(long)} accepts. */
    public static final long MIN_SERIAL = 1L;
    /** Largest serial {@link #fromSerial(long)} accepts. */
    public static final long MAX_SERIAL = 9_999_999_999L;

    private static final String FIELD = "cardNumber";
    private static final String IN_STORE_PREFIX = "29";
    private static final long MODULUS = 10_000_000_000L;
    private static final long HALF = 100_000L;
    /** Odd and not a multiple of 5, hence invertible modulo 10^10: the scramble is a bijection. */
    private static final long MULTIPLIER = 7_368_787_397L;

    /** Validates length, digits and check digit. */
    public CardNumber {
        if (value == null || value.length() != 13 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(FIELD, "cardNumber must be 13 digits");
        }
        if (checkDigit(value.substring(0, 12)) != value.charAt(12) - '0') {
            throw new InvalidValueException(FIELD, "cardNumber has a wrong check digit");
        }
    }

    /**
     * @param raw the number as typed or scanned (surrounding blanks ignored)
     * @return the card number
     * @throws InvalidValueException (field {@code cardNumber}) when not a valid EAN-13
     */
    public static CardNumber of(String raw) {
        return new CardNumber(raw == null ? null : raw.strip());
    }

    /**
     * Issues the card number of a serial: {@code 29}, ten digits of {@code serial * MULTIPLIER
     * mod 10^10}, then the check digit.
     *
     * @param serial a never-repeating serial in [{@value #MIN_SERIAL}, {@value #MAX_SERIAL}]
     * @return the card number, distinct for distinct serials
     * @throws InvalidValueException (field {@code cardNumber}) when the serial is out of range
     */
    public static CardNumber fromSerial(long serial) {
        if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
            throw new InvalidValueException(FIELD, "card serial must be between 1 and " + MAX_SERIAL);
        }
        String body = IN_STORE_PREFIX + String.format("%010d", scramble(serial));
        return new CardNumber(body + checkDigit(body));
    }

    /**
     * {@code serial * MULTIPLIER mod 10^10} without overflow: the multiplier is split into two
     * five-digit halves so that every intermediate product stays below 10^15.
     */
    static long scramble(long serial) {
        long high = MULTIPLIER / HALF;
        long low = MULTIPLIER % HALF;
        long highPart = Math.floorMod(serial * high, HALF) * HALF;
        return Math.floorMod(highPart + serial * low, MODULUS);
    }

    /** The GS1 check digit of 12 digits: weights 1 and 3 alternating from the left. */
    static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < twelveDigits.length(); i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : 3 * digit;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * @return the 13 digits
     */
    @Override
    public String toString() {
        return value;
    }
}
