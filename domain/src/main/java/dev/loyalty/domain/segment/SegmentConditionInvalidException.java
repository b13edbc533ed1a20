package dev.loyalty.domain.segment;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A segment condition that breaks the language's rules; {@link #field()} is the JSON path of the
 * bad node (e.g. {@code $.all[2].metric}). Code {@value #CODE}.
 */
public class SegmentConditionInvalidException extends InvalidValueException {

    public static final String CODE = "segment-condition-invalid";

    /**
     * @param path the JSON path of the bad node, from {@code $} (the condition)
     * @param detail what is wrong with it
     */
    public SegmentConditionInvalidException(String path, String detail) {
        super(path, path + ": " + detail);
    }

    /** @return the JSON path of the bad node */
    public String path() {
        return field();
    }

    @Override
    public String code() {
        return CODE;
    }
}
