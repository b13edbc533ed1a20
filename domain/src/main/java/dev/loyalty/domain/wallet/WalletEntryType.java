package dev.loyalty.domain.wallet;

/**
 * What a ledger entry records, and so which sign its points may have: {@link #EARN} adds,
 * {@link #BURN} and {@link #EXPIRE} take away, {@link #REVERSE} and {@link #ADJUST} go either way.
 */
public enum WalletEntryType {
    /** Points earned (positive), possibly with an expiry instant. */
    EARN,
    /** Points spent (negative). */
    BURN,
    /** Earned points that reached their expiry unspent (negative). */
    EXPIRE,
    /** A correction undoing an earlier movement: negative to take back earned points, positive to give back spent ones. */
    REVERSE,
    /** A manual correction by an operator, either sign. */
    ADJUST
}
