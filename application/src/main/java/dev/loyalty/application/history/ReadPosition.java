package dev.loyalty.application.history;

/**
 * Where a reader of a file stands: reading again from here yields exactly what was not read yet.
 * For CSV the byte offset of the next row and its line number; for POSLog the number of
 * transactions read (both fields).
 *
 * @param offset the byte offset (CSV) or transaction ordinal (POSLog), 0 or more
 * @param line the line number of the next row (CSV) or transaction ordinal (POSLog), 0 or more
 */
public record ReadPosition(long offset, long line) {

    public static final ReadPosition START = new ReadPosition(0, 0);

    public ReadPosition {
        if (offset < 0 || line < 0) {
            throw new IllegalArgumentException("a position is not negative");
        }
    }
}
