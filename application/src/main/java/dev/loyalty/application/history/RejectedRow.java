package dev.loyalty.application.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row (or POSLog transaction) that was not imported: where, why, and a short excerpt in which
 * e-mail addresses and long digit runs (phones, cards) are masked.
 */
public record RejectedRow(long line, String reason, String excerpt) {

    public static final int MAX_EXCERPT = 120;

    public RejectedRow {
        reason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        excerpt = mask(excerpt == null ? "" : excerpt);
    }

    /**
     * @param text raw text from a file
     * @return at most {@link #MAX_EXCERPT} characters of it, e-mails and digit runs of 6 or more
     *     replaced by stars (a digit run keeps its last two digits), control characters by '?'
     */
    public static String mask(String text) {
        String cut = text.length() > MAX_EXCERPT * 2 ? text.substring(0, MAX_EXCERPT * 2) : text;
        String masked = EMAIL.matcher(cut).replaceAll("***@***");
        Matcher digits = DIGITS.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (digits.find()) {
            String run = digits.group();
            String replacement = run.chars().filter(Character::isDigit).count() >= 6
                    ? "*".repeat(run.length() - 2) + run.substring(run.length() - 2)
                    : run;
            digits.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        digits.appendTail(out);
        String clean = CONTROL.matcher(out).replaceAll("?");
        return clean.length() > MAX_EXCERPT ? clean.substring(0, MAX_EXCERPT) : clean;
    }

    private static final Pattern EMAIL = Pattern.compile("[^\\s,;<>\"'@]+@[^\\s,;<>\"']+");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d .-]*\\d");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\uFFFD]");
}
