package dev.loyalty.adapters.web.history;

import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.application.history.ReadChunk;
import dev.loyalty.application.history.ReadPosition;
import dev.loyalty.application.history.ReceiptReader;
import dev.loyalty.application.history.RejectedRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a sales history CSV receipt by receipt: the consecutive rows of one (store, receipt) make
 * a receipt, complete when a row of another receipt (or the end) comes. A bad row is rejected with
 * its reason, and so is its whole receipt (each of its other rows naming the bad one): a receipt is
 * imported whole or not at all. A row that names no receipt is rejected alone. Constant memory:
 * one receipt (at most {@link #MAX_LINES_PER_RECEIPT} lines) and one line of at most
 * {@link LineSource#MAX_LINE} bytes are held; a longer line is read through and rejected.
 */
final class CsvReceiptReader implements ReceiptReader {

    static final int MAX_LINES_PER_RECEIPT = 10_000;

    private final InputStream in;
    private final LineSource lines;
    private final CsvHeader header;
    private final Instant latest;
    private Pending pending;
    private final List<RejectedRow> loose = new ArrayList<>();
    private long rowsSinceChunk;
    private boolean ended;
    private long consumedOffset;
    private long consumedLine;
    private String lastTimeText;
    private Optional<Instant> lastTime = Optional.empty();
    // the columns' positions, looked up once (-1: absent)
    private final int storeAt;
    private final int receiptAt;
    private final int timeAt;
    private final int customerAt;
    private final int skuAt;
    private final int categoryAt;
    private final int quantityAt;
    private final int priceAt;
    private final int discountAt;
    private final int channelAt;

    private CsvReceiptReader(InputStream in, LineSource lines, CsvHeader header, Instant latest, ReadPosition from) {
        this.in = in;
        this.lines = lines;
        this.header = header;
        this.latest = latest;
        this.consumedOffset = from.offset();
        this.consumedLine = from.line();
        this.storeAt = header.position("store_id");
        this.receiptAt = header.position("receipt_id");
        this.timeAt = header.position("occurred_at");
        this.customerAt = header.position("customer");
        this.skuAt = header.position("sku");
        this.categoryAt = header.position("category");
        this.quantityAt = header.position("quantity");
        this.priceAt = header.position("unit_price_cents");
        this.discountAt = header.position("discount_cents");
        this.channelAt = header.position("channel");
    }

    /**
     * @param file the CSV file
     * @param from where to go on from ({@link ReadPosition#START}: the first row after the header)
     * @param latest the latest instant a receipt may have occurred at
     */
    static CsvReceiptReader open(Path file, ReadPosition from, Instant latest) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            InputStream in = Channels.newInputStream(channel);
            LineSource source = new LineSource(in, 0, 1);
            LineSource.Line first = source.next();
            if (first == null || first.tooLong()) {
                throw new IOException("the file has no header");
            }
            CsvHeader header;
            try {
                header = CsvHeader.parse(first.text());
            } catch (CsvHeader.Invalid | CharacterCodingException e) {
                throw new IOException("the header is not valid: " + e.getMessage());
            }
            if (from.offset() == 0) {
                return new CsvReceiptReader(in, source, header, latest, new ReadPosition(first.next(), 2));
            }
            channel.position(from.offset());
            InputStream resumed = Channels.newInputStream(channel);
            return new CsvReceiptReader(
                    resumed, new LineSource(resumed, from.offset(), from.line()), header, latest, from);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Optional<ReadChunk> next() throws IOException {
        while (!ended) {
            LineSource.Line line = lines.next();
            if (line == null) {
                ended = true;
                ReadPosition end = new ReadPosition(consumedOffset, consumedLine);
                if (pending != null) {
                    return Optional.of(complete(end));
                }
                return loose.isEmpty() ? Optional.empty() : Optional.of(flushLoose(end));
            }
            consumedOffset = line.next();
            consumedLine = line.number() + 1;
            if (line.length() == 0 || (line.length() == 1 && line.bytes()[0] == '\r')) {
                continue;
            }
            Parsed parsed = parse(line);
            if (parsed.key == null) {
                // names no receipt: rejected alone, reported with the receipt in progress (or at once)
                rowsSinceChunk++;
                loose.add(parsed.reject);
                if (pending == null) {
                    return Optional.of(flushLoose(new ReadPosition(consumedOffset, consumedLine)));
                }
                continue;
            }
            if (pending != null && !pending.key.equals(parsed.key)) {
                ReadChunk done = complete(new ReadPosition(line.offset(), line.number()));
                rowsSinceChunk = 1;
                pending = new Pending(parsed.key, line.number());
                pending.add(parsed, line);
                return Optional.of(done);
            }
            rowsSinceChunk++;
            if (pending == null) {
                pending = new Pending(parsed.key, line.number());
            }
            pending.add(parsed, line);
        }
        return Optional.empty();
    }

    private ReadChunk flushLoose(ReadPosition after) {
        ReadChunk chunk = new ReadChunk(Optional.empty(), loose, after, rowsSinceChunk);
        loose.clear();
        rowsSinceChunk = 0;
        return chunk;
    }

    /** Completes the pending receipt with the loose rejects since; {@code after}: where the next starts. */
    private ReadChunk complete(ReadPosition after) {
        Pending done = pending;
        pending = null;
        List<RejectedRow> rejects = new ArrayList<>(loose);
        loose.clear();
        long rows = rowsSinceChunk;
        rowsSinceChunk = 0;
        if (done.bad != null) {
            rejects.addAll(done.rejects);
            for (int i = 0; i < done.goodNumbers.size(); i++) {
                rejects.add(new RejectedRow(
                        done.goodNumbers.get(i),
                        "another line (" + done.bad + ") of this receipt was rejected",
                        done.goodExcerpts.get(i)));
            }
            rejects.sort(java.util.Comparator.comparingLong(RejectedRow::line));
            return new ReadChunk(Optional.empty(), rejects, after, rows);
        }
        ImportedReceipt receipt = new ImportedReceipt(
                done.firstLine,
                done.first.store,
                done.first.receipt,
                done.first.occurredAt,
                Optional.ofNullable(done.first.customer),
                done.first.channel,
                done.lines);
        return new ReadChunk(Optional.of(receipt), rejects, after, rows);
    }

    /** One row read: its receipt's key and either its fields or why it is rejected. */
    private static final class Parsed {
        String key;
        String store;
        String receipt;
        Instant occurredAt;
        String customer;
        String channel;
        ImportedLine line;
        RejectedRow reject;
        String text;
    }

    /** The receipt being read: its good lines, or, once a line is bad, what to reject. */
    private static final class Pending {
        final String key;
        final long firstLine;
        Parsed first;
        Long bad;
        final List<ImportedLine> lines = new ArrayList<>();
        final List<Long> goodNumbers = new ArrayList<>();
        final List<String> goodExcerpts = new ArrayList<>();
        final List<RejectedRow> rejects = new ArrayList<>();

        Pending(String key, long firstLine) {
            this.key = key;
            this.firstLine = firstLine;
        }

        void add(Parsed parsed, LineSource.Line line) {
            if (parsed.reject == null && goodNumbers.size() >= MAX_LINES_PER_RECEIPT) {
                parsed.reject = new RejectedRow(
                        line.number(), "a receipt has at most " + MAX_LINES_PER_RECEIPT + " lines", line.excerpt());
            }
            if (parsed.reject != null) {
                if (bad == null) {
                    bad = line.number();
                    lines.clear();
                }
                if (rejects.size() < MAX_LINES_PER_RECEIPT) {
                    rejects.add(parsed.reject);
                }
                return;
            }
            if (first == null) {
                first = parsed;
            }
            if (goodNumbers.size() < MAX_LINES_PER_RECEIPT) {
                goodNumbers.add(line.number());
                // the text already decoded when short (nearly always): no second string per line
                goodExcerpts.add(parsed.text.length() <= 240 ? parsed.text : line.excerpt());
            }
            if (bad == null) {
                lines.add(parsed.line);
            }
        }
    }

    private static String field(List<String> fields, int at) {
        return at < 0 || at >= fields.size() ? null : fields.get(at);
    }

    private Parsed parse(LineSource.Line line) {
        Parsed parsed = new Parsed();
        if (line.tooLong()) {
            parsed.reject = new RejectedRow(
                    line.number(), "the line is longer than " + LineSource.MAX_LINE + " bytes", line.excerpt());
            return parsed;
        }
        String text;
        try {
            text = line.text();
        } catch (CharacterCodingException e) {
            parsed.reject = new RejectedRow(line.number(), "not UTF-8 text (binary content?)", line.excerpt());
            return parsed;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t') {
                parsed.reject = new RejectedRow(line.number(), "binary content (control characters)", text);
                return parsed;
            }
        }
        parsed.text = text;
        List<String> fields = CsvFields.split(text, header.columns());
        if (fields == null) {
            parsed.reject = new RejectedRow(
                    line.number(),
                    "unknown column: " + CsvFields.count(text) + " fields, the header has " + header.columns(),
                    text);
            return parsed;
        }
        if (fields.size() < header.columns()) {
            parsed.reject =
                    new RejectedRow(line.number(), fields.size() + " fields, the header has " + header.columns(), text);
            return parsed;
        }
        String store = strip(field(fields, storeAt));
        String receipt = strip(field(fields, receiptAt));
        if (store.isEmpty() || receipt.isEmpty() || store.length() > 64 || receipt.length() > 64) {
            parsed.reject = new RejectedRow(
                    line.number(), "store_id and receipt_id are required, at most 64 characters each", text);
            return parsed;
        }
        parsed.key = ImportedReceipt.key(store, receipt);
        parsed.store = store;
        parsed.receipt = receipt;
        String problem = fill(parsed, header, fields, latest);
        if (problem != null) {
            parsed.reject = new RejectedRow(line.number(), problem, text);
        }
        return parsed;
    }

    /** @return why the row is rejected, or null when its fields are valid (then filled in) */
    private String fill(Parsed parsed, CsvHeader header, List<String> fields, Instant latest) {
        String occurredText = strip(field(fields, timeAt));
        // the lines of a receipt repeat its time: parsed once per receipt, not once per line
        if (!occurredText.equals(lastTimeText)) {
            lastTimeText = occurredText;
            lastTime = Values.instant(occurredText);
        }
        Optional<Instant> occurredAt = lastTime;
        if (occurredAt.isEmpty()) {
            return "bad date in occurred_at (ISO 8601, e.g. 2024-03-01T10:15:00Z)";
        }
        if (occurredAt.get().isAfter(latest)) {
            return "occurred_at is in the future";
        }
        parsed.occurredAt = occurredAt.get();
        String customer = strip(field(fields, customerAt));
        if (customer.length() > 254) {
            return "customer is longer than 254 characters";
        }
        parsed.customer = customer.isEmpty() ? null : customer;
        String sku = strip(field(fields, skuAt));
        String category = strip(field(fields, categoryAt));
        if (sku.isEmpty() || category.isEmpty() || sku.length() > 64 || category.length() > 64) {
            return "sku and category are required, at most 64 characters each";
        }
        String quantityText = strip(field(fields, quantityAt));
        Optional<Long> quantity = Values.integer(quantityText);
        if (quantity.isEmpty()) {
            return "quantity is not an integer";
        }
        if (quantity.get() <= 0) {
            return quantity.get() < 0 ? "negative quantity" : "quantity is zero";
        }
        if (quantity.get() > 1_000_000) {
            return "quantity above 1000000";
        }
        Optional<Long> price = Values.integer(strip(field(fields, priceAt)));
        if (price.isEmpty()) {
            return "unit_price_cents is not an integer (cents)";
        }
        if (price.get() < 0 || price.get() > 100_000_000_00L) {
            return "unit_price_cents out of range";
        }
        String discountText = strip(field(fields, discountAt));
        long discount = 0;
        if (!discountText.isEmpty()) {
            Optional<Long> d = Values.integer(discountText);
            if (d.isEmpty() || d.get() < 0) {
                return "discount_cents is not an integer of 0 or more";
            }
            discount = d.get();
        }
        String channel = strip(field(fields, channelAt)).toUpperCase(Locale.ROOT);
        if (channel.isEmpty()) {
            channel = "STORE";
        } else if (!channel.equals("STORE") && !channel.equals("ONLINE")) {
            return "channel is STORE or ONLINE";
        }
        parsed.channel = channel;
        parsed.line = new ImportedLine(sku, category, quantity.get().intValue(), price.get(), discount);
        return null;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
