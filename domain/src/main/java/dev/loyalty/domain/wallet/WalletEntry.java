package dev.loyalty.domain.wallet;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;

/**
 * One line of a wallet's append-only ledger; never updated or deleted once written. Invariants:
 * the sequence is positive (1 for the first entry of a wallet, then consecutive); the sign of
 * {@code points} fits the type (EARN positive; BURN and EXPIRE negative; REVERSE and ADJUST
 * non-zero, either sign, except that a REVERSE finding an empty wallet moves 0 and records only
 * its debt); only an EARN may carry {@code expiresAt}, strictly after
 * {@code occurredAt}; EARN and REVERSE name a reference (the earning a reversal undoes); only a
 * REVERSE taking points back may carry a {@code debt}: the points the reversal should have taken back but
 * could not because the balance was too low (see {@link Wallet#reverse}).
 *
 * @param sequence the position in the ledger, from 1
 * @param type what the entry records
 * @param points the signed movement of the balance
 * @param reason a short human explanation (e.g. {@code purchase}, {@code reward claim})
 * @param reference the business key of the cause (e.g. a purchase id), or {@code null} where optional
 * @param occurredAt when it was recorded
 * @param expiresAt when earned points expire, or {@code null} (never, or not an EARN)
 * @param debt for a REVERSE taking points back, the points not clawed back; otherwise 0
 */
public record WalletEntry(
        long sequence,
        WalletEntryType type,
        long points,
        String reason,
        String reference,
        Instant occurredAt,
        Instant expiresAt,
        long debt) {

    /** Longest reason accepted. */
    public static final int MAX_REASON_LENGTH = 200;
    /** Longest reference accepted. */
    public static final int MAX_REFERENCE_LENGTH = 255;

    /** Validates the entry as befits its type. */
    public WalletEntry {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", "sequence must be positive");
        }
        if (type == null) {
            throw new InvalidValueException("type", "type is required");
        }
        if (occurredAt == null) {
            throw new InvalidValueException("occurredAt", "occurredAt is required");
        }
        reason = text(reason, "reason", MAX_REASON_LENGTH);
        if (reason == null) {
            throw new InvalidValueException("reason", "reason is required");
        }
        reference = text(reference, "reference", MAX_REFERENCE_LENGTH);
        if (reference == null && (type == WalletEntryType.EARN || type == WalletEntryType.REVERSE)) {
            throw new InvalidValueException("reference", "an " + type + " entry needs a reference");
        }
        boolean signFits =
                switch (type) {
                    case EARN -> points > 0;
                    case BURN, EXPIRE -> points < 0;
                    case REVERSE -> points != 0 || debt > 0;
                    case ADJUST -> points != 0;
                };
        if (!signFits) {
            throw new InvalidValueException("points", "points " + points + " do not fit an " + type + " entry");
        }
        if (expiresAt != null && (type != WalletEntryType.EARN || !expiresAt.isAfter(occurredAt))) {
            throw new InvalidValueException("expiresAt", "only an EARN entry expires, after it occurred");
        }
        if (debt < 0 || (debt > 0 && !(type == WalletEntryType.REVERSE && points <= 0))) {
            throw new InvalidValueException("debt", "only a REVERSE taking points back records a debt");
        }
    }

    /**
     * The same entry written without a debt, for every type but a short reversal.
     *
     * @param sequence the position in the ledger, from 1
     * @param type what the entry records
     * @param points the signed movement
     * @param reason a short explanation
     * @param reference the business key, or {@code null} where optional
     * @param occurredAt when
     * @param expiresAt expiry of an EARN, or {@code null}
     */
    public WalletEntry(
            long sequence,
            WalletEntryType type,
            long points,
            String reason,
            String reference,
            Instant occurredAt,
            Instant expiresAt) {
        this(sequence, type, points, reason, reference, occurredAt, expiresAt, 0);
    }

    private static String text(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > max) {
            throw new InvalidValueException(field, field + " must be at most " + max + " characters");
        }
        return text;
    }
}
