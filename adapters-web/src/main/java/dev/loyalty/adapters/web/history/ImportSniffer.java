package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tells from the first bytes of a body whether it is a sales history CSV (a header line with the
 * expected columns) or a POSLog document (XML naming {@code POSLog} near its start), before any of
 * it is stored, so that anything else is refused at once.
 */
final class ImportSniffer {

    static final int PEEK = 64 * 1024;

    /** What the body looks like. */
    sealed interface Verdict {}

    record Format(ImportFormat format) implements Verdict {}

    /** Not a history file: the HTTP status, code and detail to answer with. */
    record Refused(int status, String code, String detail) implements Verdict {}

    private ImportSniffer() {}

    /**
     * @param in the body; must support mark/reset, and is reset to its start
     * @return its format, or why it is refused
     */
    static Verdict sniff(InputStream in) throws IOException {
        in.mark(PEEK + 1);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        return sniff(head);
    }

    static Verdict sniff(byte[] head) {
        if (head.length == 0) {
            return new Refused(422, "import-empty", "the body is empty");
        }
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        while (start < head.length
                && (head[start] == ' ' || head[start] == '\n' || head[start] == '\r' || head[start] == '\t')) {
            start++;
        }
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                return unsupported("the body is binary, not CSV or POSLog XML");
            }
        }
        if (start < head.length && head[start] == '<') {
            String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
            if (text.contains("POSLog")) {
                return new Format(ImportFormat.POSLOG);
            }
            return unsupported("the XML document is not a POSLog (no POSLog element near its start)");
        }
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && head.length == PEEK) {
            return unsupported("the first line is longer than " + PEEK + " bytes: not a CSV header");
        }
        String first = new String(head, start, end - start, StandardCharsets.UTF_8).strip();
        if (first.contains("\uFFFD") || !first.contains(",")) {
            return unsupported("the body is neither a CSV with a header line nor POSLog XML");
        }
        try {
            CsvHeader.parse(first);
        } catch (CsvHeader.Invalid e) {
            return new Refused(422, "import-header-invalid", "the CSV header is not valid: " + e.getMessage());
        }
        return new Format(ImportFormat.CSV);
    }

    private static Refused unsupported(String detail) {
        return new Refused(
                415,
                "import-format-unsupported",
                detail + "; send text/csv (header " + String.join(",", CsvHeader.REQUIRED) + ") or POSLog XML");
    }
}
