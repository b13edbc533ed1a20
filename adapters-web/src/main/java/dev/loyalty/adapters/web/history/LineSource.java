package dev.loyalty.adapters.web.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a file as bytes, in constant memory: a line longer than {@link #MAX_LINE} bytes is
 * read through (to find where the next one starts) but only its first bytes are kept. Tracks each
 * line's byte offset and number.
 */
public final class LineSource {

    public static final int MAX_LINE = 64 * 1024;

    /** One line: its first bytes (all of them unless too long), where it starts, its number. */
    public record Line(byte[] bytes, int kept, long length, long offset, long number, long next) {

        public boolean tooLong() {
            return length > MAX_LINE;
        }

        /**
         * @return the line as UTF-8 text, without its line break
         * @throws CharacterCodingException when it is not UTF-8
         */
        public String text() throws CharacterCodingException {
            int end = kept;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            boolean ascii = true;
            for (int i = 0; i < end && ascii; i++) {
                ascii = bytes[i] >= 0;
            }
            if (ascii) {
                // nearly every line: ASCII is valid UTF-8 as it is (no decoder made per line)
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, end));
            return chars.toString();
        }

        /** @return the first bytes as text, whatever they are, for an excerpt */
        public String excerpt() {
            return new String(bytes, 0, Math.min(kept, 240), StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[256 * 1024];
    private int position;
    private int limit;
    private long offset;
    private long number;
    private final byte[] line = new byte[MAX_LINE + 1];

    /**
     * @param in the file, positioned at {@code offset}
     * @param offset the byte offset of its first byte
     * @param number the number of the line starting there
     */
    public LineSource(InputStream in, long offset, long number) {
        this.in = in;
        this.offset = offset;
        this.number = number;
    }

    /** @return the next line, or null at the end */
    public Line next() throws IOException {
        long start = offset;
        long length = 0;
        int kept = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0) {
                        return null;
                    }
                    return finish(kept, length, start);
                }
            }
            int from = position;
            int newline = -1;
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int take = Math.min(end - from, line.length - kept);
            if (take > 0) {
                System.arraycopy(buffer, from, line, kept, take);
                kept += take;
            }
            length += end - from;
            offset += end - from;
            if (newline >= 0) {
                position = newline + 1;
                offset++;
                return finish(kept, length, start);
            }
            position = limit;
        }
    }

    private Line finish(int kept, long length, long start) {
        byte[] copy = new byte[Math.min(kept, MAX_LINE)];
        System.arraycopy(line, 0, copy, 0, copy.length);
        return new Line(copy, copy.length, length, start, number++, offset);
    }
}
