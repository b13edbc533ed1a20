package dev.loyalty.domain.coupon;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a cashier types or scans: 8 symbols from the unambiguous alphabet {@value #ALPHABET}
 * (no 0, O, 1 or I) followed by 1 check symbol, canonical upper case without separators.
 *
 * <p>The check symbol is the Damm algorithm over the quasigroup {@code x * y = 2x + y} of the
 * field GF(32) (polynomial x^5 + x^2 + 1, addition is XOR), a symbol being its index in the
 * alphabet: starting from 0, each symbol folds into {@code interim = interim * symbol}, and the
 * check symbol is the one that brings the interim back to 0. Because {@code y -> c * y} and
 * {@code x -> x * y} are bijections, every single-symbol substitution is caught; because
 * {@code (c * x) * y = (c * y) * x} only when {@code x = y} (as 2 differs from 1), every
 * transposition of two adjacent different symbols, the check symbol included, is caught.
 *
 * @param value the 9 canonical symbols
 */
public record CouponCode(String value) {

    /** The 32 symbols a code uses, in index order. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** Number of random symbols. */
    public static final int PAYLOAD_LENGTH = 8;
    /** Length of a code, check symbol included. */
    public static final int LENGTH = PAYLOAD_LENGTH + 1;

    /** The reduction polynomial x^5 + x^2 + 1. */
    private static final int POLYNOMIAL = 0b100101;

    /** Validates length, alphabet and check symbol. */
    public CouponCode {
        if (value == null || value.length() != LENGTH) {
            throw new CouponCodeInvalidException("couponCode must be " + LENGTH + " symbols");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new CouponCodeInvalidException("couponCode may only use the symbols " + ALPHABET);
            }
        }
        if (interim(value) != 0) {
            throw new CouponCodeInvalidException("couponCode has a wrong check symbol");
        }
    }

    /**
     * Reads a code as typed or scanned: trims, upper-cases, drops spaces and dashes; maps nothing
     * else (an O is not read as a 0).
     *
     * @param raw the input
     * @return the code
     * @throws CouponCodeInvalidException when it is not a valid code
     */
    public static CouponCode parse(String raw) {
        if (raw == null) {
            throw new CouponCodeInvalidException("couponCode is required");
        }
        String canonical = raw.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return new CouponCode(canonical);
    }

    /**
     * @param random the source of randomness (a {@code SecureRandom} in production)
     * @return a fresh code of 8 random symbols and its check symbol
     */
    public static CouponCode generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        StringBuilder payload = new StringBuilder(LENGTH);
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new CouponCode(payload.toString() + checkSymbol(payload.toString()));
    }

    /**
     * @param payload symbols of the alphabet
     * @return the check symbol that completes them
     */
    static char checkSymbol(String payload) {
        int interim = interim(payload);
        for (int symbol = 0; symbol < ALPHABET.length(); symbol++) {
            if (operate(interim, symbol) == 0) {
                return ALPHABET.charAt(symbol);
            }
        }
        throw new IllegalStateException("the quasigroup has no zero in row " + interim);
    }

    private static int interim(String symbols) {
        int interim = 0;
        for (int i = 0; i < symbols.length(); i++) {
            interim = operate(interim, ALPHABET.indexOf(symbols.charAt(i)));
        }
        return interim;
    }

    /** {@code x * y = 2x + y} in GF(32). */
    static int operate(int x, int y) {
        int doubled = x << 1;
        if ((doubled & 0b100000) != 0) {
            doubled ^= POLYNOMIAL;
        }
        return doubled ^ y;
    }

    /** @return the code grouped for printing, e.g. {@code ABCD-EFGH-J} */
    public String printable() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    /** @return the canonical 9 symbols */
    @Override
    public String toString() {
        return value;
    }
}
